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
# A class-data-sharing archive from a training start makes every real start faster. The throwaway token only keeps
# the training run from making (and printing) a first-start admin token.
RUN java -XX:ArchiveClassesAtExit=logcentral.jsa -Dspring.context.exit=onRefresh \
      -Dlogcentral.data-dir=/tmp/training -Dlogcentral.tokens.training.token=training-only-discarded-0123456789 \
      -jar logcentral.jar \
 && rm -rf /tmp/training
USER logcentral
ENV LOGCENTRAL_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=logcentral.jsa", "-jar", "logcentral.jar"]
