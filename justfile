# Developer commands. `just` comes from npm (npm i -g rust-just@1.57.0); the quick start in the
# README needs only Go.

# build every package and the binaries
build:
    go build ./...
    go build -o bin/lit ./cmd/lit
    go build -o bin/litnode ./cmd/litnode

# the test command of the README
test:
    go vet ./...
    go test ./...

# the docker-compose devnet: build the scratch image, start 4 containers, check they mesh
e2e:
    testnet/docker/e2e.sh

# lint with the pinned golangci-lint
lint:
    cd tools/golangci && go build -o ../../bin/golangci-lint github.com/golangci/golangci-lint/v2/cmd/golangci-lint
    bin/golangci-lint run ./...

# Go micro-benchmarks
bench:
    go test -run '^$' -bench . -benchtime 2s ./...

# a local devnet in the foreground (Ctrl-C stops it)
devnet nodes="4":
    go run ./cmd/lit devnet up --nodes {{nodes}}

# the static litnode and its FROM-scratch image
docker:
    mkdir -p dist
    CGO_ENABLED=1 go build -tags netgo,osusergo -ldflags '-linkmode external -extldflags "-static"' -o dist/litnode ./cmd/litnode
    cp /etc/ssl/certs/ca-certificates.crt dist/
    docker build -t litmesh/litnode:dev .

# the whole CI run, as CI does it
ci:
    .ci/run
