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
        if (format == InputFormat.TURTLE) {
            // Turtle statements span lines: each triple is reported at the line Rio is reading.
            parser.setParseLocationListener((lineNo, column) -> line[0] = lineNo);
        }
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                IRI p = st.getPredicate();
                String relation = naming == RdfRelationNaming.IRI || p.getLocalName().isEmpty()
                        ? p.stringValue() : p.getLocalName();
                if (key(st.getObject()).isBlank() || key(st.getSubject()).isBlank()) {
                    // An entity needs a key; Rio's Turtle parser also turns "ex:s ex:p ." into an empty object.
                    sink.reject(line[0], "empty " + (key(st.getSubject()).isBlank() ? "subject" : "object")
                            + ": an entity needs a non-empty key (IRI, blank node or literal text)");
                    return;
                }
                try {
                    sink.accept(line[0], key(st.getSubject()), name(st.getSubject()), relation, key(st.getObject()),
                            name(st.getObject()));
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        });
        try {
            if (format == InputFormat.TURTLE) {
                parseTurtle(parser, in, sink);
            } else {
                parseNTriples(parser, in, sink, line);
            }
        } catch (SinkFailure e) {
            // The sink's own exceptions (a load stopped for too many errors) pass through Rio wrapped.
            throw (RuntimeException) e.getCause();
        }
    }

    /** An exception of the sink's, carried through Rio, so that it is never taken for a parser fault. */
    private static final class SinkFailure extends RDFHandlerException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Rio's parsers are not total: on some malformed input they throw an unchecked exception of their own
     * (N-Triples: {@code <a> <r> "x"^^<dt>} with no final dot ends in an ArrayIndexOutOfBoundsException). That
     * is a malformed line like any other, not a reason to abandon the load.
     */
    private static String parserFault(String format, RuntimeException e) {
        return "malformed " + format + ": the RDF parser (RDF4J Rio) failed on it (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
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
            } catch (SinkFailure e) {
                throw e;
            } catch (RuntimeException e) {
                sink.reject(line[0], parserFault("N-Triples line", e) + "; expected <subject> <predicate> <object> .");
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
        } catch (SinkFailure e) {
            throw e;
        } catch (RuntimeException e) {
            sink.reject(1, parserFault("Turtle", e)
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
