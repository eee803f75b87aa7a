package dev.ariadne.loader;

import dev.ariadne.connect.EmbeddedGraph;
import java.nio.file.Path;
import java.util.List;
import org.neo4j.graphdb.Transaction;

/**
 * A load in a process of its own, for {@link KilledLoadTest} to kill: {@code LoadInChild DB_FOLDER FILE}. While
 * it loads, the main thread prints what is committed ({@code committed NODES RELATIONSHIPS}, from Neo4j's count
 * store) so that the parent can kill it part way.
 */
public final class LoadInChild {
    private LoadInChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (EmbeddedGraph graph = EmbeddedGraph.open(Path.of(args[0]), 64)) {
            Thread load = new Thread(() -> GraphLoader.embedded(graph,
                    LoadOptions.builder().progress(ProgressMode.NONE).build()).load(List.of(Path.of(args[1]))));
            load.start();
            while (load.isAlive()) {
                try (Transaction tx = graph.database().beginTx()) {
                    Object nodes = tx.execute("MATCH (n) RETURN count(n) AS c").next().get("c");
                    Object relationships = tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
                    System.out.println("committed " + nodes + " " + relationships);
                }
                Thread.sleep(5);
            }
            System.out.println("finished");
        }
    }
}
