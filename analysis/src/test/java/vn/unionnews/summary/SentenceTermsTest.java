package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.TestJson;
import vn.unionnews.text.SentenceSplitter;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

class SentenceTermsTest {
    /** The definition: each syllable folded, then the tokenizer's multi-syllable words. */
    private static List<String> expected(String sentence) {
        List<String> terms = new ArrayList<>();
        for (String syllable : Syllables.of(sentence)) {
            terms.add(VietnameseText.foldTones(syllable));
        }
        for (String word : WordTokenizer.vietnamese().words(sentence)) {
            if (word.indexOf(' ') > 0) {
                terms.add(word);
            }
        }
        return terms;
    }

    @Test
    void givesTheFoldedSyllablesThenTheLexiconsWords() {
        String sentence = "Công đoàn cơ sở đã HOÀ GIẢI với người lao động, thủy lợi và khoẻ mạnh.";
        List<String> terms = new SentenceTerms().of(sentence);

        assertEquals(expected(sentence), terms);
        assertEquals(List.of("công", "đoàn", "cơ", "sở", "đã", "hòa", "giải", "với", "người", "lao", "động", "thủy",
                "lợi", "và", "khỏe", "mạnh"), terms.subList(0, 16));
        assertEquals("công đoàn cơ sở", terms.get(16));
    }

    @Test
    void agreesWithTheTokenizerOnEverySentenceOfTheDevelopmentSet() throws IOException {
        SentenceTerms terms = new SentenceTerms();
        int sentences = 0;
        try (InputStream in = SentenceTermsTest.class.getResourceAsStream("/eval/vietnews_dev.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode article = TestJson.mapper().readTree(line);
                List<String> all = new ArrayList<>(SentenceSplitter.split(article.path("body").asText()));
                all.add(article.path("title").asText());
                for (String sentence : all) {
                    assertEquals(expected(sentence), terms.of(sentence), sentence);
                    sentences++;
                }
            }
        }
        assertEquals(true, sentences > 5_000, "sentences compared: " + sentences);
    }
}
