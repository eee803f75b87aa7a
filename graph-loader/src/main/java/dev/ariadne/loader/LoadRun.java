package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.LoadAbortedException;
import dev.ariadne.core.text.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load: reads files through their format readers, checks each triple (relation type, index key size),
 * and writes full batches; a batch the database refuses is retried line by line so that only the
 * offending lines are rejected.
 */
final class LoadRun implements TripleSink {
    private final GraphWriter writer;
    private final LoadOptions options;
    private final List<ParsedTriple> batch = new ArrayList<>();
    private final List<RejectedLine> kept = new ArrayList<>();
    /** Relation type -> why it is invalid ("" when valid), so each distinct type is checked once. */
    private final Map<String, String> typeProblems = new HashMap<>();
    /**
     * Lines of the current file that did not decode, by line number, until the format reader reaches
     * them (it sees them as blank): the decoder reads ahead, and reporting them in line order keeps the
     * rejected lines in file order and each line counted once.
     */
    private final TreeMap<Long, String> undecodable = new TreeMap<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private Path currentFile;
    private Progress progress;
    private long linesRead;
    private long accepted;
    private long loaded;
    private long entities;
    private long rejected;

    LoadRun(GraphWriter writer, LoadOptions options) {
        this.writer = writer;
        this.options = options;
    }

    private List<Path> paths = List.of();

    LoadReport run(List<Path> paths) {
        this.paths = List.copyOf(paths);
        List<InputFile> files = InputFiles.check(paths);
        List<InputFormat> formats = new ArrayList<>();
        long totalBytes = 0;
        for (InputFile f : files) {
            formats.add(f.resolve(options.format()));
            totalBytes += f.size();
        }
        long start = System.nanoTime();
        try (GraphWriter w = writer; Progress pr = Progress.create(options.progress(), options.log(), totalBytes)) {
            progress = pr;
            w.prepare(notice -> options.log().println("ariadne: " + TerminalText.escape(notice)));
            for (int i = 0; i < files.size(); i++) {
                readFile(files.get(i), formats.get(i));
            }
            flush();
        }
        return report(start);
    }

    private void readFile(InputFile file, InputFormat format) {
        currentFile = file.path();
        undecodable.clear();
        FormatReader reader = FormatReader.of(format, options);
        StrictLineReader lines = null;
        try (StrictLineReader decoder = file.open(bytesRead, options.encoding(), undecodable::put);
             BufferedReader in = new BufferedReader(decoder, 1 << 16)) {
            lines = decoder;
            reader.read(in, this);
            reportUndecodable(Long.MAX_VALUE);
        } catch (IOException e) {
            throw unreadable(file, lines, e);
        } catch (LoadAbortedException e) {
            throw e;
        } catch (InvalidInputException e) {
            flush();
            throw new InvalidInputException(file.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file that stops being readable part way (a truncated or corrupt gzip, a disk error): what was read
     * before is committed, and the message says where the file broke and how much is in the graph.
     */
    private LoadAbortedException unreadable(InputFile file, StrictLineReader lines, IOException e) {
        reportUndecodable(Long.MAX_VALUE);
        flush();
        writer.commitPending();
        String what = lines != null && lines.decompressed()
                ? "the gzip data is truncated or corrupt (" + e.getMessage() + ")"
                : "reading failed (" + e.getMessage() + ")";
        long lastLine = lines == null ? 0 : lines.linesRead();
        return new LoadAbortedException(String.format(Locale.ROOT,
                "%s: %s after line %,d, the last line read whole. %,d triples were committed before it and stay;"
                        + " loading the complete file again adds the rest without duplicates",
                file.path(), what, lastLine, loaded), loaded);
    }

    @Override
    public void accept(long line, String subjectKey, String subjectName, String relation, String objectKey,
                       String objectName) {
        reportUndecodable(line);
        linesRead++;
        String problem = typeProblems.computeIfAbsent(relation, t -> {
            String p = writer.typeProblem(t);
            return p == null ? "" : "invalid relation type '" + t + "': " + p;
        });
        if (!problem.isEmpty()) {
            rejectLine(currentFile, line, problem);
            return;
        }
        String tooLarge = IndexKeyLimit.problem(subjectKey, subjectName, objectKey, objectName);
        if (tooLarge != null) {
            rejectLine(currentFile, line, tooLarge);
            return;
        }
        batch.add(new ParsedTriple(currentFile, line, subjectKey, subjectName, relation, objectKey, objectName));
        accepted++;
        if (batch.size() >= options.batchSize()) {
            flush();
        }
    }

    @Override
    public void reject(long line, String reason) {
        reportUndecodable(line);
        linesRead++;
        rejectLine(currentFile, line, reason);
    }

    @Override
    public void skip(long line) {
        reportUndecodable(line);
        String notDecoded = undecodable.remove(line);
        linesRead++;
        if (notDecoded != null) {
            rejectLine(currentFile, line, notDecoded);
        }
    }

    /** Reports the lines before {@code line} that did not decode and that the reader passed without a call. */
    private void reportUndecodable(long line) {
        Iterator<Map.Entry<Long, String>> it = undecodable.headMap(line, false).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, String> e = it.next();
            it.remove();
            linesRead++;
            rejectLine(currentFile, e.getKey(), e.getValue());
        }
    }

    private void rejectLine(Path file, long line, String reason) {
        RejectedLine r = new RejectedLine(file, line, reason);
        rejected++;
        if (kept.size() < LoadReport.MAX_KEPT_REJECTIONS) {
            kept.add(r);
        }
        options.onRejected().accept(r);
        if (rejected > options.maxErrors()) {
            flush();
            writer.commitPending();
            throw new LoadAbortedException(String.format(Locale.ROOT,
                    "load stopped: %,d malformed lines, more than the %,d allowed (--max-errors); last: %s. "
                            + "%,d triples were committed before stopping; loading again after fixing the input"
                            + " adds the rest without duplicates", rejected, options.maxErrors(), r.format(),
                    loaded), loaded);
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<ParsedTriple> pending = List.copyOf(batch);
        batch.clear();
        try {
            count(writer.write(pending));
        } catch (WriteRejectedException e) {
            writeOneByOne(pending);
        }
        progress.update(bytesRead.get(), accepted);
    }

    /**
     * The database refused a batch: each triple is written alone, so the lines it refuses are rejected
     * (with file and line, counting towards --max-errors) and everything else in the batch is committed.
     */
    private void writeOneByOne(List<ParsedTriple> pending) {
        for (ParsedTriple t : pending) {
            try {
                count(writer.write(List.of(t)));
            } catch (WriteRejectedException e) {
                accepted--;
                rejectLine(t.file(), t.line(), "the database refused this triple: " + e.getMessage());
            }
        }
    }

    private void count(GraphWriter.BatchResult result) {
        loaded += result.relationshipsCreated();
        entities += result.entitiesCreated();
    }

    private LoadReport report(long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new LoadReport(paths, linesRead, loaded, accepted - loaded, rejected, entities, elapsed, kept);
    }
}
