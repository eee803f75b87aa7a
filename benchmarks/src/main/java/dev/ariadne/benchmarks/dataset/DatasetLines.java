package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a dataset file as UTF-8 lines, turning I/O failures into messages that name the file. */
final class DatasetLines {
    private DatasetLines() {
    }

    static List<String> read(Path file, String what) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no " + what + " file at " + file);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not valid UTF-8 text (" + what + " files must be UTF-8)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " file " + file, e);
        }
    }

    /** Splits at every {@code separator}, keeping empty fields (String.split would drop trailing ones). */
    static String[] fields(String line, char separator) {
        return line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    }
}
