package access

import "testing"

// JavaScript's own output for each literal (Number.prototype.toString of JSON.parse(text)).
func TestJSNumberPrintsAsJavaScriptDoes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "0"}, {"-0", "0"}, {"1", "1"}, {"-12", "-12"}, {"1.0", "1"}, {"2.50", "2.5"},
		{"1e18", "1000000000000000000"}, {"1E3", "1000"}, {"123456789012345678901", "123456789012345680000"},
		{"1e21", "1e+21"}, {"1.5e300", "1.5e+300"}, {"0.1", "0.1"}, {"0.000001", "0.000001"},
		{"1e-7", "1e-7"}, {"1.25e-7", "1.25e-7"}, {"5e-324", "5e-324"}, {"9007199254740993", "9007199254740992"},
		{"1e400", "null"}, {"-1e400", "null"}, {"123.456", "123.456"}, {"100e-2", "1"},
	} {
		if got := jsNumber(tc.in); got != tc.want {
			t.Errorf("jsNumber(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
