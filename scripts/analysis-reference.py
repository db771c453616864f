#!/usr/bin/env python3
"""Recomputes the networkx reference values stored in Tests/EcomapAnalysisTests/ReferenceValues.swift."""
import networkx as nx
K = nx.karate_club_graph()
edges = sorted((min(u,v), max(u,v)) for u,v in K.edges())
print("karate edges", len(edges))
print("let karateEdges: [(Int, Int)] = [" + ", ".join(f"({u}, {v})" for u,v in edges) + "]")
G = nx.Graph(); G.add_nodes_from(range(34)); G.add_edges_from(edges)
pr = nx.pagerank(G, alpha=0.85, tol=1e-14, max_iter=10000)
bc = nx.betweenness_centrality(G, normalized=True)
print("let karatePageRank: [Double] = [" + ", ".join(f"{pr[i]:.12f}" for i in range(34)) + "]")
print("let karateBetweenness: [Double] = [" + ", ".join(f"{bc[i]:.12f}" for i in range(34)) + "]")
# mixed weighted directed with dangling and isolated nodes: (from, to, weight, directed)
mixed = [(0,1,0.5,False),(1,2,1.0,True),(2,3,0.25,False),(0,3,0.8,True),(3,4,0.9,True),(1,5,0.3,True),(2,5,0.6,False)]
n = 8  # 6 and 7 isolated; 4 is dangling (only incoming)
D = nx.DiGraph(); D.add_nodes_from(range(n))
U = nx.Graph(); U.add_nodes_from(range(n))
for a,b,w,d in mixed:
    D.add_edge(a,b,weight=w)
    if not d: D.add_edge(b,a,weight=w)
    U.add_edge(a,b)
pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-14, max_iter=10000)
bc = nx.betweenness_centrality(U, normalized=True)
print("let mixedPageRank: [Double] = [" + ", ".join(f"{pr[i]:.12f}" for i in range(n)) + "]")
print("let mixedBetweenness: [Double] = [" + ", ".join(f"{bc[i]:.12f}" for i in range(n)) + "]")
