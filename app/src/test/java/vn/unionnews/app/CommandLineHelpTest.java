package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./union-news COMMAND --help} works for every command, as the README says. */
class CommandLineHelpTest {
    @Test
    void everyCommandHasHelp() {
        Set<String> commands = new CommandLine(new UnionNews()).getSubcommands().keySet();
        assertTrue(commands.containsAll(Set.of("demo", "produce", "alerts", "subscribe", "eval-summaries")), commands.toString());
        for (String command : commands) {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new UnionNews());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));

            assertEquals(0, cli.execute(command, "--help"), command + ": " + out);
            assertTrue(out.toString().startsWith("Usage: union-news " + command), command + ": " + out);
        }
    }
}
