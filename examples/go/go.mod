module kartla.example/examples

go 1.23

require kartla.example/kartla v1.0.0

require google.golang.org/protobuf v1.36.12 // indirect

// The binding is used from this checkout; a program of your own does the same (README).
replace kartla.example/kartla => ../../bindings/go
