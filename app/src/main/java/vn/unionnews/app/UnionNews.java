package vn.unionnews.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code union-news} command line. */
@Command(name = "union-news", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "union-news 0.1.0",
        description = "Vietnamese trade-union news as a live Kafka event stream.",
        subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, ConsumeCommand.class,
                AnalyzeCommand.class, TopicsCommand.class, EvalSummariesCommand.class, SubscribeCommand.class,
                UnsubscribeCommand.class, SubscriptionsCommand.class, AlertsCommand.class, LoadCommand.class})
public final class UnionNews {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; a user error prints one line, not a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new UnionNews());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("union-news: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }
}
