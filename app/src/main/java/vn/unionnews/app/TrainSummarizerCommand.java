package vn.unionnews.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.unionnews.summary.SentenceScorer;
import vn.unionnews.summary.SentenceScorerTraining;

/**
 * Learns the learned summariser's {@link SentenceScorer} from articles with abstracts and writes it with a header
 * saying how it was made. The penalty and the summary length are chosen on the development set; nothing is
 * random, so the same files and date give the same model, byte for byte.
 */
@Command(name = "train-summarizer", description = {"Learn the summariser's sentence scorer from JSON Lines articles.",
        "Each article has a title, a body (or text) and its human-written abstract as reference, as in the"
                + " VietNews splits; the penalty and the summary length are chosen on --dev."})
final class TrainSummarizerCommand implements Callable<Integer> {
    private static final double[] LAMBDAS = {1, 10, 100, 1000};
    private static final int[] BUDGETS = {30, 35, 40, 45, 50, 55, 60, 70};

    @Option(names = "--train", required = true, paramLabel = "FILE.jsonl", description = "Articles to learn from.")
    Path train;

    @Option(names = "--dev", required = true, paramLabel = "FILE.jsonl",
            description = "Development articles the penalty and the summary length are chosen on.")
    Path dev;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model."
            + " Default: analysis/src/main/resources/vn/unionnews/summary/sentence-scorer.txt")
    Path out = Path.of("analysis/src/main/resources/vn/unionnews/summary/sentence-scorer.txt");

    @Option(names = "--sentences", paramLabel = "N", description = "Most sentences in a summary. Default: 3.")
    int sentences = 3;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The date written in the model's header. Default: today.")
    LocalDate date = LocalDate.now();

    @Override
    public Integer call() throws IOException {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ReferenceArticles training = ReferenceArticles.read(train, err);
        ReferenceArticles development = ReferenceArticles.read(dev, err);
        SentenceScorerTraining learner = new SentenceScorerTraining();
        training.articles().forEach(learner::add);
        err.printf(Locale.ROOT, "%d articles, %d sentences to learn from%n", learner.articles(), learner.examples());
        SentenceScorerTraining.Choice choice = learner.choose(development.articles(), sentences, LAMBDAS, BUDGETS);
        choice.trials().forEach(t -> err.println("  " + t));
        err.println("chosen: " + choice.best());
        List<String> header = List.of(
                "Sentence scorer of the learned summariser (vn.unionnews.summary.LearnedSummarizer): ridge regression,"
                        + " solved in closed form, of each sentence's mean ROUGE-1/ROUGE-2 F1 against its article's"
                        + " abstract on its features, their squares and pairwise products.",
                "Made by: ./union-news train-summarizer --train " + train.getFileName() + " --dev "
                        + dev.getFileName() + " --sentences " + sentences + " --date " + date,
                String.format(Locale.ROOT, "Data: %s, %d articles (sha256 %s), %d sentences; development set %s,"
                                + " %d articles (sha256 %s).", train.getFileName(), learner.articles(), sha256(train),
                        learner.examples(), dev.getFileName(), development.articles().size(), sha256(dev)),
                "Chosen on the development set among lambda " + Arrays.toString(LAMBDAS) + " and budgets "
                        + Arrays.toString(BUDGETS) + " syllables: " + choice.best() + ".",
                "Nothing is random (no seed): the same files and date give this file byte for byte. Trained " + date
                        + ".");
        Files.writeString(out, choice.scorer().write(header), StandardCharsets.UTF_8);
        err.println("wrote " + out);
        return training.skipped() + development.skipped() == 0 ? 0 : 1;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
