# The image the Kubernetes CronJob runs (jobs/schedule/wa-billing-monthly-cronjob.yaml):
#   docker build -t registry.example.com/wa-billing:0.1.0 .
# Build stage: the versioned jar, tests left to CI (mvn -B verify). Runtime stage: a JRE, the jar and
# the launcher scripts only, so the launcher never finds sources to build and never starts Maven.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /opt/wa-billing
COPY jobs jobs
COPY sample-data sample-data
# the versioned jar of pom.xml's version, e.g. target/wa-billing-0.1.0.jar (the launcher runs the newest one)
COPY --from=build /src/target/wa-billing-*.jar target/
# extract the jar and record the class-data sharing archive now, not on the first launch (fast-start.sh)
RUN jobs/wa-billing help >/dev/null
# data, output, reference files and exports come from volumes (see the CronJob); no root needed
RUN useradd --uid 10001 --no-create-home wabilling
USER 10001
ENV WA_BILLING_DATA_DIR=/data WA_BILLING_OUTPUT_DIR=/data/out
ENTRYPOINT ["jobs/wa-billing"]
CMD ["--help"]
