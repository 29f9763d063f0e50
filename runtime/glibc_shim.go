//go:build linux && cgo

package runtime

// The prebuilt libv8 that github.com/tommie/v8go links was built against glibc 2.38, whose
// headers redirect strtol, sscanf and friends to the C23 variants __isoc23_*. Debian bookworm
// ships glibc 2.36, which lacks them, so the link fails. The C23 variants differ from the classic
// functions only in accepting a "0b" binary prefix, which V8 never feeds them, so forwarding to the
// classic functions is exact for V8's use. The definitions are weak: where the C library has the
// real symbols (glibc >= 2.38, including static links against its libc.a) those win.

/*
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((weak)) long __isoc23_strtol(const char *s, char **end, int base) {
	return strtol(s, end, base);
}
__attribute__((weak)) long long __isoc23_strtoll(const char *s, char **end, int base) {
	return strtoll(s, end, base);
}
__attribute__((weak)) unsigned long __isoc23_strtoul(const char *s, char **end, int base) {
	return strtoul(s, end, base);
}
__attribute__((weak)) unsigned long long __isoc23_strtoull(const char *s, char **end, int base) {
	return strtoull(s, end, base);
}
__attribute__((weak)) int __isoc23_sscanf(const char *s, const char *format, ...) {
	va_list ap;
	va_start(ap, format);
	int n = vsscanf(s, format, ap);
	va_end(ap);
	return n;
}
__attribute__((weak)) int __isoc23_fscanf(FILE *f, const char *format, ...) {
	va_list ap;
	va_start(ap, format);
	int n = vfscanf(f, format, ap);
	va_end(ap);
	return n;
}
*/
import "C"
