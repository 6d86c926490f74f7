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
    /** The root's transitions by character, up to the highest it has: the root is where most characters go. */
    private final int[] rootTargets;
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
        rootTargets = new int[labels[ROOT].length == 0 ? 0 : labels[ROOT][labels[ROOT].length - 1] + 1];
        Arrays.fill(rootTargets, -1);
        for (int k = 0; k < labels[ROOT].length; k++) {
            rootTargets[labels[ROOT][k]] = targets[ROOT][k];
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
            int next = next(state, c);
            while (next < 0 && state != ROOT) {
                state = failure[state];
                next = next(state, c);
            }
            state = next < 0 ? ROOT : next;
            for (int phrase : outputs[state]) {
                handler.match(phrase, i + 1 - lengths[phrase], i + 1);
            }
        }
    }

    private int next(int state, char c) {
        if (state == ROOT) {
            return c < rootTargets.length ? rootTargets[c] : -1;
        }
        int k = Arrays.binarySearch(labels[state], c);
        return k < 0 ? -1 : targets[state][k];
    }
}
