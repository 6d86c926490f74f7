package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The literal text a metric cue of {@code metric-cues-vi.txt} cannot match without: sets of strings such that any
 * text it matches holds one string of each set, so that a sentence missing every string of one set is not searched
 * with that cue. Reads the subset of regular expressions the cue file uses; anything else only makes the
 * requirement weaker, never wrong.
 */
final class CueLiterals {
    private final String source;
    private final Map<String, String> wordLists;
    private final Map<String, String> slots;
    private int at;

    private CueLiterals(String source, Map<String, String> wordLists, Map<String, String> slots) {
        this.source = source;
        this.wordLists = wordLists;
        this.slots = slots;
    }

    /**
     * Sets of strings of each of which every match of the cue {@code pattern} (before its slots, gaps and word
     * lists are expanded; {@code wordLists} as {@code (?:a|b)}, {@code slots} the mask characters each slot name
     * stands for, one or more of them) contains one; empty when there are none to require.
     */
    static List<List<String>> required(String pattern, Map<String, String> wordLists, Map<String, String> slots) {
        CueLiterals parser = new CueLiterals(pattern, wordLists, slots);
        List<List<String>> allOf = parser.alternation();
        if (parser.at != pattern.length()) {
            return List.of(); // an unbalanced ')': leave the cue unfiltered, compiling it reports the error
        }
        return allOf;
    }

    /**
     * Alternatives up to a ')' or the end. One alone requires all that it requires; of several, each must require
     * something, and then one of their strongest requirements is.
     */
    private List<List<String>> alternation() {
        List<List<List<String>>> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (at < source.length() && source.charAt(at) == '|') {
            at++;
            alternatives.add(sequence());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        Set<String> union = new LinkedHashSet<>();
        for (List<List<String>> alternative : alternatives) {
            List<String> strongest = null;
            for (List<String> anyOf : alternative) {
                strongest = better(strongest, anyOf);
            }
            if (strongest == null) {
                return List.of();
            }
            union.addAll(strongest);
        }
        return List.of(List.copyOf(union));
    }

    /**
     * A sequence's requirements: its runs of plain characters (a number slot's mask characters included, so that
     * "{n} lớp" requires a number then " lớp") and what its groups require, all of them.
     */
    private List<List<String>> sequence() {
        List<List<String>> allOf = new ArrayList<>();
        Set<String> run = Set.of("");
        while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
            char c = source.charAt(at);
            List<List<String>> group = List.of();
            String slot = null;
            String literal = null;
            if (c == '(') {
                group = group();
            } else if (c == '[') {
                skipClass();
            } else if (c == '\\') {
                at += 2;
            } else if (c == '{') {
                String name = source.substring(at + 1, Math.max(at + 1, source.indexOf('}', at)));
                slot = slots.get(name);
                group = slot == null ? reference() : List.of();
                at = slot == null ? at : at + name.length() + 2;
            } else if (c == '…') {
                at += source.startsWith("… ", at) ? 2 : 1; // the gap takes the space after it
            } else {
                literal = ".^$".indexOf(c) < 0 ? String.valueOf(c) : null;
                at++;
            }
            if (quantified()) {
                group = List.of();
                slot = null;
                literal = null;
            }
            if (literal != null) {
                run = append(run, literal);
                continue;
            }
            if (slot != null) {
                // A slot is one or more of its mask characters: a run reaches into its first and out of its last.
                if (!run.contains("")) {
                    require(allOf, append(run, slot));
                }
                run = append(Set.of(""), slot);
                continue;
            }
            require(allOf, run);
            allOf.addAll(group);
            run = Set.of("");
        }
        require(allOf, run);
        return allOf;
    }

    /**
     * Adds {@code anyOf} to the requirements unless it holds a blank string: the empty string requires nothing, and
     * a space is in every sentence.
     */
    private static void require(List<List<String>> allOf, Set<String> anyOf) {
        if (anyOf.stream().noneMatch(String::isBlank)) {
            allOf.add(List.copyOf(anyOf));
        }
    }

    /** Each of {@code run} followed by each character of {@code chars}. */
    private static Set<String> append(Set<String> run, String chars) {
        Set<String> out = new LinkedHashSet<>();
        for (String start : run) {
            for (char c : chars.toCharArray()) {
                out.add(start + c);
            }
        }
        return out;
    }

    /** The requirement whose shortest string is longer, {@code best} on a tie; null is no requirement. */
    private static List<String> better(List<String> best, List<String> candidate) {
        int shortest = candidate.stream().mapToInt(String::length).min().orElse(0);
        int bestShortest = best == null ? 0 : best.stream().mapToInt(String::length).min().orElse(0);
        return shortest > bestShortest ? candidate : best;
    }

    /** A group: what it requires, or nothing for a negative lookaround, whose text need not be there. */
    private List<List<String>> group() {
        at++;
        boolean negative = source.startsWith("?!", at) || source.startsWith("?<!", at);
        if (source.startsWith("?<=", at)) {
            at += 3;
        } else if (source.startsWith("?:", at) || source.startsWith("?=", at) || source.startsWith("?!", at)) {
            at += 2;
        } else if (negative) {
            at += 3;
        }
        List<List<String>> inner = alternation();
        if (at < source.length()) {
            at++; // ')'
        }
        return negative ? List.of() : inner;
    }

    /** A word list "{people}": what one of its words requires. */
    private List<List<String>> reference() {
        int close = source.indexOf('}', at);
        if (close < 0) {
            at = source.length();
            return List.of();
        }
        String name = source.substring(at + 1, close);
        at = close + 1;
        String words = wordLists.get(name);
        return words == null ? List.of() : required(words, wordLists, slots);
    }

    private void skipClass() {
        at++;
        if (at < source.length() && source.charAt(at) == '^') {
            at++;
        }
        if (at < source.length() && source.charAt(at) == ']') {
            at++;
        }
        while (at < source.length() && source.charAt(at) != ']') {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
    }

    /** Consumes a quantifier after an item, if one follows: the item is then optional or repeated. */
    private boolean quantified() {
        if (at >= source.length()) {
            return false;
        }
        char c = source.charAt(at);
        boolean counted = c == '{' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1));
        if (c != '?' && c != '*' && c != '+' && !counted) {
            return false;
        }
        int close = source.indexOf('}', at);
        at = !counted ? at + 1 : close < 0 ? source.length() : close + 1;
        if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
            at++; // lazy or possessive
        }
        return true;
    }
}
