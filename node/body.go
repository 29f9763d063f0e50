package node

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/litmesh/litmesh/api"
)

// readBody reads a request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, api.Errorf(api.KindTooLarge, "request body over %d bytes", limit)
		}
		return nil, api.Errorf(api.KindBadRequest, "read the request body: %v", err)
	}
	return body, nil
}

// decodeJSONBytes decodes one JSON value (the request object) from body into v, with the
// errors decodeJSON gives.
func decodeJSONBytes(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return api.Errorf(api.KindBadRequest, "empty request body")
		}
		return api.Errorf(api.KindBadRequest, "malformed JSON: %v", err)
	}
	if dec.More() {
		return api.Errorf(api.KindBadRequest, "malformed JSON: trailing data after the request object")
	}
	return nil
}

// authSigOf picks the authSig out of a JSON request body without decoding anything else: the
// decoder skips the other fields (the code, the params) without keeping them.
func authSigOf(body []byte) (json.RawMessage, error) {
	var peek struct {
		AuthSig json.RawMessage `json:"authSig"`
	}
	if err := json.Unmarshal(body, &peek); err != nil {
		return nil, api.Errorf(api.KindBadRequest, "malformed JSON: %v", err)
	}
	return peek.AuthSig, nil
}
