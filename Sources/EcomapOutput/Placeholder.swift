// EcomapOutput
