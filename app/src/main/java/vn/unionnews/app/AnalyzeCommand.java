package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.analysis.Analysis;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.PageInput;

@Command(name = "analyze", description = {"Run the whole per-article analysis without Kafka.",
        "Prints JSON Lines on stdout, one object per input, as docs/CONTRACT.md describes."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "Pages as text or HTML files, or - for JSON Lines on stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--summary-sentences", paramLabel = "N", description = "Sentences in the summary. Default: 3.")
    int summarySentences = Integer.parseInt(UnionNewsConfig.DEFAULTS.get(UnionNewsConfig.SUMMARY_SENTENCES));

    @Option(names = "--summary-words", paramLabel = "N", description = "Upper bound on summary length in syllables.")
    int summaryWords;

    @Override
    public Integer call() throws Exception {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(summarySentences, summaryWords);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int errors = 0;
        try {
            for (PageInput input : ProduceCommand.readInputs(inputs)) {
                try {
                    Analysis analysis = input.page() == null
                            ? Analysis.failed(null, ArticleAnalyzer.UNREADABLE, input.readError())
                            : analyzer.analyze(input.page());
                    if (analysis.failed()) {
                        errors++;
                        // The error names the file or stdin line, which the analysis does not know.
                        analysis = Analysis.failed(analysis.id(), analysis.error().code(),
                                input.origin() + ": " + analysis.error().message());
                    }
                    out.println(Json.mapper().writeValueAsString(analysis));
                } catch (RuntimeException | JsonProcessingException e) {
                    throw new StageFailure("analyze", input.origin(), e);
                }
            }
        } finally {
            out.flush(); // the lines of the inputs before one that failed
        }
        return errors == 0 ? 0 : 1;
    }
}
