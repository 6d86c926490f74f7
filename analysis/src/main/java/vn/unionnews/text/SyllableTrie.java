package vn.unionnews.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases as sequences of syllables, walked a syllable at a time: a lexicon is looked up along a text's syllables
 * with one map lookup per syllable, instead of joining candidate strings or matching character by character.
 * Immutable and thread-safe.
 */
public final class SyllableTrie {
    /** The node every walk starts from: the empty phrase. */
    public static final int ROOT = 0;

    private final List<Map<String, Integer>> children = new ArrayList<>();
    /** Per node: the indexes of the phrases that end there, ascending. */
    private final List<int[]> ends = new ArrayList<>();

    private SyllableTrie(List<List<String>> phrases) {
        children.add(new HashMap<>());
        ends.add(new int[0]);
        for (int p = 0; p < phrases.size(); p++) {
            int node = ROOT;
            for (String syllable : phrases.get(p)) {
                Integer child = children.get(node).get(syllable);
                if (child == null) {
                    child = children.size();
                    children.get(node).put(syllable, child);
                    children.add(new HashMap<>());
                    ends.add(new int[0]);
                }
                node = child;
            }
            int[] own = ends.get(node);
            int[] grown = Arrays.copyOf(own, own.length + 1);
            grown[own.length] = p;
            ends.set(node, grown);
        }
    }

    /** A trie of these phrases, each a list of syllables; a phrase's index in the list is what it reports. */
    public static SyllableTrie of(List<List<String>> phrases) {
        return new SyllableTrie(phrases);
    }

    /** The node {@code syllable} leads to from {@code node}, or -1 when no phrase goes on so. */
    public int next(int node, String syllable) {
        Integer child = children.get(node).get(syllable);
        return child == null ? -1 : child;
    }

    /** Whether some phrase goes on past {@code node}: the syllables so far begin a longer phrase. */
    public boolean goesOn(int node) {
        return !children.get(node).isEmpty();
    }

    /** The phrases that end at {@code node}, by index ascending; empty if none. */
    public int[] phrasesAt(int node) {
        return ends.get(node);
    }
}
