# A static crisis binary on an empty base image:
#   docker build -t crisis .
#   docker run --rm -v "$PWD:/work" -w /work crisis lint messages/
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=""
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/crisis ./cmd/crisis

FROM scratch
COPY --from=build /out/crisis /crisis
# Not root: the image only reads messages and writes reports.
USER 65532:65532
ENTRYPOINT ["/crisis"]
CMD ["lint", "."]
