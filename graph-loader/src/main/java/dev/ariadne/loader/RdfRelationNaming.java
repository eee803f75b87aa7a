package dev.ariadne.loader;

/** Which part of an RDF predicate IRI becomes the relationship type. */
public enum RdfRelationNaming {
    /** {@code http://rdf.freebase.com/ns/people.person.nationality} becomes {@code people.person.nationality}. */
    LOCAL_NAME,
    /** The whole IRI is the type. */
    IRI
}
