#!/usr/bin/env bash
# Prints a class path holding a logcentral jar's own classes and libraries, for the single-file bench programs that
# run the server's code without HTTP (bench/GenerateLogs.java, bench/ExplainQueries.java):
#   java -cp "$(bench/jar-classpath.sh target/logcentral.jar /tmp/somewhere)" bench/GenerateLogs.java ...
# Unpacks BOOT-INF/classes and BOOT-INF/lib of the jar into <dir> (made when missing, reused when the same jar was
# unpacked there before), with a logging configuration that keeps Hikari's and Flyway's chatter off the output.
set -euo pipefail
jar=$1; dir=$2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sum=$(sha256sum "$jar" | cut -c1-16)
if [ "$(cat "$dir/.jar-sha256" 2>/dev/null)" != "$sum" ]; then
  rm -rf "$dir/BOOT-INF" "$dir/conf"
  unzip -q -o "$jar" 'BOOT-INF/classes/*' 'BOOT-INF/lib/*' -d "$dir"
  mkdir -p "$dir/conf"
  cat >"$dir/conf/logback.xml" <<'XML'
<configuration>
  <appender name="err" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss} %-5level %logger{20} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="err"/></root>
</configuration>
XML
  echo "$sum" >"$dir/.jar-sha256"
fi
echo "$dir/conf:$dir/BOOT-INF/classes:$dir/BOOT-INF/lib/*"
