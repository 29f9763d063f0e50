// Package passkeywallet is the passkey wallet example page (examples/passkey-wallet): one
// static page that registers a passkey and signs in with it, embedded so `lit devnet
// serve-example passkey-wallet` serves it from any directory. Its test drives the page in
// headless Chromium with a virtual authenticator and verifies the result with access/.
package passkeywallet

import (
	"embed"
	"net/http"
)

//go:embed index.html wallet.js
var files embed.FS

// Handler serves the page. Pages must be served on the origin the nodes accept assertions
// from (their webauthn_origins), on a host name equal to the nodes' webauthn_rp_id.
func Handler() http.Handler {
	fs := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		fs.ServeHTTP(w, r)
	})
}
