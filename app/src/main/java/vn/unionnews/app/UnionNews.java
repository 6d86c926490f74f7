package vn.unionnews.app;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.kafka.Cluster;

/** The {@code union-news} command line. */
@Command(name = "union-news", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "union-news 0.1.0",
        description = {"Vietnamese trade-union news as a live Kafka event stream.",
                "The topics, the events and each command's interface are described in docs/CONTRACT.md, the topic,"
                        + " organisation and metric ids in docs/TAXONOMY.md."},
        subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, ConsumeCommand.class,
                AnalyzeCommand.class, TopicsCommand.class, EvalSummariesCommand.class, SubscribeCommand.class,
                UnsubscribeCommand.class, SubscriptionsCommand.class, AlertsCommand.class, LoadCommand.class,
                EvalPagesCommand.class, TrainCaptionsCommand.class, TrainSummarizerCommand.class, EvalTopicsCommand.class, TrainTopicsCommand.class,
                BrokerCommand.class,
                ChaosCommand.class})
public final class UnionNews {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; a user error prints one line, not a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new UnionNews());
        cli.setExecutionExceptionHandler(UnionNews::reportFailure);
        return cli.execute(args);
    }

    /**
     * The last resort for an exception a command let through: one line on stderr, exit code 2. A user's mistake
     * (a bad argument, a missing file) is told by its message alone; anything else names the exception's class, its
     * message and where it was thrown, and the step and input when the command wrapped it in a
     * {@link StageFailure}; never a bare "null".
     */
    static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        boolean userError = (e instanceof IllegalArgumentException || e instanceof FileNotFoundException
                || e instanceof NoSuchFileException || e instanceof Cluster.UnreachableException)
                && e.getMessage() != null && !e.getMessage().isBlank();
        String told = e instanceof StageFailure || userError ? e.getMessage() : StageFailure.describe(e);
        commandLine.getErr().println("union-news: " + told);
        return 2;
    }
}
