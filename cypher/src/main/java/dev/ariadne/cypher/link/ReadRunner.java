package dev.ariadne.cypher.link;

import java.util.List;
import java.util.Map;

/**
 * Runs one parameterised read query and returns its rows as Java values (the embedded database's
 * {@code Result} or a Bolt {@code Record} converted with {@code asMap}). The query text is always a
 * constant of the caller; user input travels only in {@code params}.
 */
@FunctionalInterface
public interface ReadRunner {
    List<Map<String, Object>> read(String cypher, Map<String, Object> params);
}
