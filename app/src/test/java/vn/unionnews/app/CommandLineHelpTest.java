package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./union-news COMMAND --help} works for every command, as the README says, and reads in whole sentences. */
class CommandLineHelpTest {
    /** Whole sentences: a capital first and a full stop last. */
    private static final Pattern SENTENCE = Pattern.compile("\\p{Lu}.*\\.", Pattern.DOTALL);

    @Test
    void everyCommandHasHelp() {
        Set<String> commands = new CommandLine(new UnionNews()).getSubcommands().keySet();
        assertTrue(commands.containsAll(Set.of("demo", "produce", "alerts", "subscribe", "eval-summaries")), commands.toString());
        for (String command : commands) {
            String help = help(command, "--help");
            assertTrue(help.startsWith("Usage: union-news " + command), command + ": " + help);
        }
    }

    /** The command list shows a description's first line only, and a command's own help each line as given. */
    @Test
    void everyDescriptionLineIsWholeSentences() {
        CommandLine cli = new CommandLine(new UnionNews());
        List<String> descriptions = new ArrayList<>();
        descriptions.addAll(List.of(cli.getCommandSpec().usageMessage().description()));
        cli.getSubcommands().forEach((name, sub) -> {
            String[] lines = sub.getCommandSpec().usageMessage().description();
            assertTrue(lines.length > 0, name + " has no description");
            descriptions.addAll(List.of(lines));
        });
        for (String line : descriptions) {
            assertTrue(SENTENCE.matcher(line.strip()).matches(), "not whole sentences: '" + line + "'");
        }
    }

    @Test
    void theCommandListShowsEachCommandInAWholeSentence() {
        Map<String, String> listed = commandList(help("--help"));
        Set<String> commands = new CommandLine(new UnionNews()).getSubcommands().keySet();
        assertEquals(commands, listed.keySet());
        listed.forEach((command, shown) -> {
            assertTrue(shown.endsWith("."), command + " is cut in the command list: '" + shown + "'");
            assertTrue(SENTENCE.matcher(shown).matches(), command + ": '" + shown + "'");
        });
    }

    @Test
    void rootHelpPointsAtTheDocsInTheRepository() {
        String help = help("--help").replaceAll("\\s+", " ");
        assertTrue(help.contains("docs/CONTRACT.md"), help);
        assertTrue(help.contains("docs/TAXONOMY.md"), help);
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new UnionNews());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertEquals(0, cli.execute(args), String.join(" ", args) + ": " + out);
        return out.toString();
    }

    /** Each command of the root help's list and its text as shown, wrapped lines joined. */
    private static Map<String, String> commandList(String help) {
        Map<String, String> listed = new LinkedHashMap<>();
        String current = null;
        boolean inList = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.matches("  \\S+ +\\S.*")) {
                String[] nameAndText = line.strip().split(" +", 2);
                current = nameAndText[0];
                listed.put(current, nameAndText[1]);
            } else if (inList && current != null && line.startsWith("    ")) {
                listed.put(current, listed.get(current) + " " + line.strip());
            } else if (inList && !line.isBlank()) {
                break;
            }
        }
        return listed;
    }
}
