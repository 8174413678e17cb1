# syntax=docker/dockerfile:1
# Build: docker build -t logcentral .
# Run:   docker run -p 8080:8080 -v logcentral-data:/data -e LOGCENTRAL_TOKENS_APP_TOKEN=<long random> logcentral

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw --batch-mode --no-transfer-progress dependency:go-offline
COPY src src
RUN ./mvnw --batch-mode --no-transfer-progress package -DskipTests \
 && java -Djarmode=tools -jar target/logcentral.jar extract --destination /app

FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin logcentral \
 && mkdir /data && chown logcentral /data
WORKDIR /app
COPY --from=build /app /app
# Virtual threads: on JDK 25 they raised the HTTP ceiling for single-log requests (bench/ingest.sh, README).
ENV LOGCENTRAL_DATA_DIR=/data \
    SPRING_THREADS_VIRTUAL_ENABLED=true
# An ahead-of-time cache from a training start (JDK 25, JEP 483/514): the first log is accepted about 5 s after start
# on 2 cores instead of about 12 s. It must be made from the same folder and jar as the real start. The throwaway
# token only keeps the training run from making (and printing) a first-start admin token.
# The training run uses the JVM options of the real start, so the cache fits it.
RUN java -XX:AOTCacheOutput=logcentral.aot --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75 \
      -Dspring.context.exit=onRefresh \
      -Dlogcentral.data-dir=/tmp/training -Dlogcentral.tokens.training.token=training-only-discarded-0123456789 \
      -jar logcentral.jar \
 && rm -rf /tmp/training
USER logcentral
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=logcentral.aot", "--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=75", \
  "-jar", "logcentral.jar"]
