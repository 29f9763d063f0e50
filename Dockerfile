# litnode as a container image with nothing in it but the node: a static binary built on the
# host (`just docker`, or testnet/docker/e2e.sh), so building the image pulls no base image.
#
#   CGO_ENABLED=1 go build -tags netgo,osusergo \
#     -ldflags '-linkmode external -extldflags "-static"' -o dist/litnode ./cmd/litnode
#   docker build -t litmesh/litnode:dev .
FROM scratch
COPY dist/litnode /litnode
COPY dist/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
VOLUME /data
EXPOSE 7001 7100 7100/udp
ENTRYPOINT ["/litnode"]
CMD ["run", "--dir", "/data"]
