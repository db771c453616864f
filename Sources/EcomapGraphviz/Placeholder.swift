// EcomapGraphviz
internal import CGraphviz
func _probe() { let g = ecomap_agopen("x", 0); agclose(g) }
