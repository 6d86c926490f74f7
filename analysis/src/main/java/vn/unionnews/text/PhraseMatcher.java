package vn.unionnews.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.TreeMap;

/**
 * Finds every occurrence of a fixed set of phrases in a text in one left-to-right pass (Aho-Corasick), however
 * many phrases there are: lexicons are matched with one automaton instead of one pattern per phrase. Matching is
 * exact, character for character; callers match in the form they built the phrases in (a match key, a folded
 * text). Immutable and thread-safe.
 */
public final class PhraseMatcher {
    private static final int ROOT = 0;

    private final List<String> phrases;
    /** Per state: the characters it has transitions on, sorted, and the state each leads to. */
    private final char[][] labels;
    private final int[][] targets;
    private final int[] failure;
    /** Per state: the phrases that end there, its own and those of its failure chain, longest first. */
    private final int[][] outputs;
    /** By character, up to the highest the phrases hold: its index in the phrases' alphabet, 0 for any other. */
    private final int[] letterOf;
    private final int alphabet;
    /**
     * The automaton with failure links followed in advance: the state after state s reads letter a is
     * {@code step[s * alphabet + a]}, one array read per character of the text.
     */
    private final int[] step;
    private final int[] lengths;

    /** One occurrence: the index of the phrase in the list the matcher was built from, and where it is. */
    public record Match(int phrase, int start, int end) {
    }

    private PhraseMatcher(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        List<TreeMap<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        trie.add(new TreeMap<>());
        ends.add(new ArrayList<>());
        for (int p = 0; p < this.phrases.size(); p++) {
            String phrase = this.phrases.get(p);
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("An empty phrase matches everywhere: phrase " + p);
            }
            int state = ROOT;
            for (int i = 0; i < phrase.length(); i++) {
                Integer next = trie.get(state).get(phrase.charAt(i));
                if (next == null) {
                    next = trie.size();
                    trie.get(state).put(phrase.charAt(i), next);
                    trie.add(new TreeMap<>());
                    ends.add(new ArrayList<>());
                }
                state = next;
            }
            ends.get(state).add(p);
        }
        int states = trie.size();
        labels = new char[states][];
        targets = new int[states][];
        for (int s = 0; s < states; s++) {
            labels[s] = new char[trie.get(s).size()];
            targets[s] = new int[trie.get(s).size()];
            int k = 0;
            for (var edge : trie.get(s).entrySet()) {
                labels[s][k] = edge.getKey();
                targets[s][k++] = edge.getValue();
            }
        }
        lengths = this.phrases.stream().mapToInt(String::length).toArray();
        failure = new int[states];
        outputs = new int[states][];
        outputs[ROOT] = new int[0];
        // Breadth first, so that a state's failure target has its outputs complete before the state takes them.
        Queue<Integer> queue = new ArrayDeque<>();
        for (int child : targets[ROOT]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.remove();
            int[] own = ends.get(s).stream().mapToInt(Integer::intValue).toArray();
            int[] inherited = outputs[failure[s]];
            outputs[s] = Arrays.copyOf(own, own.length + inherited.length);
            System.arraycopy(inherited, 0, outputs[s], own.length, inherited.length);
            for (int k = 0; k < labels[s].length; k++) {
                int child = targets[s][k];
                int f = failure[s];
                while (f != ROOT && next(f, labels[s][k]) < 0) {
                    f = failure[f];
                }
                int fallback = next(f, labels[s][k]);
                failure[child] = fallback >= 0 ? fallback : ROOT;
                queue.add(child);
            }
        }
        int highest = 0;
        for (String phrase : this.phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                highest = Math.max(highest, phrase.charAt(i));
            }
        }
        letterOf = new int[highest + 1];
        int letters = 1;
        for (String phrase : this.phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                if (letterOf[phrase.charAt(i)] == 0) {
                    letterOf[phrase.charAt(i)] = letters++;
                }
            }
        }
        alphabet = letters;
        step = new int[states * alphabet];
        // Breadth first again: a state's failure target has its row complete before the state copies from it.
        queue.add(ROOT);
        while (!queue.isEmpty()) {
            int s = queue.remove();
            int row = s * alphabet;
            if (s != ROOT) {
                System.arraycopy(step, failure[s] * alphabet, step, row, alphabet);
            }
            for (int k = 0; k < labels[s].length; k++) {
                step[row + letterOf[labels[s][k]]] = targets[s][k];
                queue.add(targets[s][k]);
            }
        }
    }

    /** A matcher of these phrases; a phrase's index in the list is what its matches report. */
    public static PhraseMatcher of(List<String> phrases) {
        return new PhraseMatcher(phrases);
    }

    public List<String> phrases() {
        return phrases;
    }

    /** Receives the occurrences {@link #forEachMatch} finds, without a {@link Match} made for each. */
    @FunctionalInterface
    public interface MatchHandler {
        void match(int phrase, int start, int end);
    }

    /** Every occurrence in {@code text}, overlapping ones included, ordered by end, the longest first at one end. */
    public List<Match> matches(CharSequence text) {
        List<Match> found = new ArrayList<>();
        forEachMatch(text, (phrase, start, end) -> found.add(new Match(phrase, start, end)));
        return found;
    }

    /** {@link #matches}, each occurrence handed to {@code handler} as it is found. */
    public void forEachMatch(CharSequence text, MatchHandler handler) {
        int state = ROOT;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            state = step[state * alphabet + (c < letterOf.length ? letterOf[c] : 0)];
            for (int phrase : outputs[state]) {
                handler.match(phrase, i + 1 - lengths[phrase], i + 1);
            }
        }
    }

    private int next(int state, char c) {
        int k = Arrays.binarySearch(labels[state], c);
        return k < 0 ? -1 : targets[state][k];
    }
}
