# syntax=docker/dockerfile:1
# The union-news command line as an image: `docker run union-news streams|consume|produce PATH...|topics`.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder of current Docker).
RUN --mount=type=cache,target=/root/.m2 mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
# An unprivileged user; it owns the Streams state directory so a named volume mounted there inherits that.
RUN groupadd --system unionnews && useradd --system --gid unionnews --home-dir /app unionnews \
    && mkdir -p /var/lib/union-news/streams \
    && chown -R unionnews:unionnews /var/lib/union-news
WORKDIR /app
# The manifest's Class-Path is lib/, relative to the jar.
COPY --from=build /src/app/target/lib/ /app/lib/
COPY --from=build /src/app/target/union-news.jar /app/union-news.jar
USER unionnews
ENTRYPOINT ["java", "-jar", "/app/union-news.jar"]
CMD ["--help"]
