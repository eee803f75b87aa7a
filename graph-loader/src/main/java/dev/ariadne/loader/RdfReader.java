package dev.ariadne.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * N-Triples and Turtle through RDF4J Rio. IRIs and blank nodes become entities keyed by their IRI
 * ({@code _:id} for blank nodes) and named by the IRI's local name; a literal object becomes an entity
 * keyed and named by its text; the predicate's local name (or whole IRI) is the relation type.
 * N-Triples skips a bad line and goes on; Turtle cannot resume after a syntax error, so the rest of that
 * file is reported as not read. Lines read count statements for Turtle, whose statements span lines.
 */
final class RdfReader implements FormatReader {
    private static final String BASE = "urn:ariadne:";
    private final InputFormat format;
    private final RdfRelationNaming naming;

    RdfReader(InputFormat format, RdfRelationNaming naming) {
        this.format = format;
        this.naming = naming;
    }

    @Override
    public void read(BufferedReader in, TripleSink sink) throws IOException {
        long[] line = {0};
        RDFParser parser = Rio.createParser(format == InputFormat.TURTLE ? RDFFormat.TURTLE : RDFFormat.NTRIPLES);
        parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                IRI p = st.getPredicate();
                String relation = naming == RdfRelationNaming.IRI || p.getLocalName().isEmpty()
                        ? p.stringValue() : p.getLocalName();
                sink.accept(line[0], key(st.getSubject()), name(st.getSubject()), relation, key(st.getObject()),
                        name(st.getObject()));
            }
        });
        try {
            if (format == InputFormat.TURTLE) {
                parseTurtle(parser, in, sink);
            } else {
                parseNTriples(parser, in, sink, line);
            }
        } catch (RDFHandlerException e) {
            // The sink's own exceptions (a load stopped for too many errors) pass through Rio wrapped.
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** N-Triples is line based: each line is parsed alone, so a bad line is reported and the rest still load. */
    private static void parseNTriples(RDFParser parser, BufferedReader in, TripleSink sink, long[] line)
            throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            line[0]++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                sink.skip(line[0]);
                continue;
            }
            try {
                parser.parse(new StringReader(text), BASE);
            } catch (RDFParseException e) {
                sink.reject(line[0], clean(e.getMessage()));
            }
        }
    }

    /** Turtle cannot resume after a syntax error: what came before it is kept, the rest is reported. */
    private static void parseTurtle(RDFParser parser, BufferedReader in, TripleSink sink) throws IOException {
        try {
            parser.parse(in, BASE);
        } catch (RDFParseException e) {
            sink.reject(Math.max(e.getLineNumber(), 1), clean(e.getMessage())
                    + " (Turtle cannot resume after a syntax error: the rest of the file was not read)");
        }
    }

    private static String key(Value v) {
        if (v instanceof BNode b) {
            return "_:" + b.getID();
        }
        return v.stringValue();
    }

    private static String name(Value v) {
        if (v instanceof IRI iri && !iri.getLocalName().isEmpty()) {
            return iri.getLocalName();
        }
        if (v instanceof Literal) {
            return v.stringValue();
        }
        return null;
    }

    /** Rio appends " [line N]" to its messages; the report already names the line. */
    private static String clean(String msg) {
        return msg == null ? "malformed RDF" : msg.replaceAll("\\s*\\[line \\d+(, column \\d+)?]\\s*$", "");
    }
}
