package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.LoadAbortedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One load: reads files through their format readers, checks each triple, and writes full batches. */
final class LoadRun implements TripleSink {
    private final GraphWriter writer;
    private final LoadOptions options;
    private final List<ParsedTriple> batch = new ArrayList<>();
    private final List<RejectedLine> kept = new ArrayList<>();
    /** Relation type -> why it is invalid ("" when valid), so each distinct type is checked once. */
    private final Map<String, String> typeProblems = new HashMap<>();
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
        if (paths.isEmpty()) {
            throw new InvalidInputException("no input files given");
        }
        List<InputFile> files = new ArrayList<>();
        List<InputFormat> formats = new ArrayList<>();
        long totalBytes = 0;
        for (Path p : paths) {
            InputFile f = InputFile.check(p);
            files.add(f);
            formats.add(f.resolve(options.format()));
            totalBytes += f.size();
        }
        long start = System.nanoTime();
        try (GraphWriter w = writer; Progress pr = Progress.create(options.progress(), options.log(), totalBytes)) {
            progress = pr;
            w.prepare();
            for (int i = 0; i < files.size(); i++) {
                readFile(files.get(i), formats.get(i));
            }
            flush();
        }
        return report(start);
    }

    private void readFile(InputFile file, InputFormat format) {
        currentFile = file.path();
        FormatReader reader = FormatReader.of(format, options);
        try (BufferedReader in = file.open(bytesRead)) {
            reader.read(in, this);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file.path() + ": " + e.getMessage(), e);
        } catch (LoadAbortedException e) {
            throw e;
        } catch (InvalidInputException e) {
            flush();
            throw new InvalidInputException(file.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(long line, String subjectKey, String subjectName, String relation, String objectKey,
                       String objectName) {
        linesRead++;
        String problem = typeProblems.computeIfAbsent(relation, t -> {
            String p = writer.typeProblem(t);
            return p == null ? "" : "invalid relation type '" + t + "': " + p;
        });
        if (!problem.isEmpty()) {
            rejectLine(line, problem);
            return;
        }
        batch.add(new ParsedTriple(subjectKey, subjectName, relation, objectKey, objectName));
        accepted++;
        if (batch.size() >= options.batchSize()) {
            flush();
        }
    }

    @Override
    public void reject(long line, String reason) {
        linesRead++;
        rejectLine(line, reason);
    }

    @Override
    public void skip(long line) {
        linesRead++;
    }

    private void rejectLine(long line, String reason) {
        RejectedLine r = new RejectedLine(currentFile, line, reason);
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
        try {
            GraphWriter.BatchResult result = writer.write(batch);
            loaded += result.relationshipsCreated();
            entities += result.entitiesCreated();
        } finally {
            batch.clear();
        }
        progress.update(bytesRead.get(), accepted);
    }

    private LoadReport report(long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new LoadReport(paths, linesRead, loaded, accepted - loaded, rejected, entities, elapsed, kept);
    }
}
