package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The check every input file passes before a load touches a database. */
final class InputFiles {
    private InputFiles() {
    }

    /** Each file, checked to exist and be readable; the first that is not stops the load. */
    static List<InputFile> check(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new InvalidInputException("no input files given");
        }
        List<InputFile> files = new ArrayList<>(paths.size());
        for (Path p : paths) {
            files.add(InputFile.check(p));
        }
        return files;
    }
}
