package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentenceScorerTest {
    private static SentenceScorer random(long seed) {
        Random random = new Random(seed);
        double[] weights = new double[SentenceScorer.expandedSize(SentenceFeatures.NAMES.size())];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextGaussian();
        }
        return new SentenceScorer(SentenceFeatures.NAMES, weights, 40);
    }

    @Test
    void readsBackWhatItWritesToTheBit() {
        SentenceScorer scorer = random(1);
        String text = scorer.write(List.of("made by a test"));
        SentenceScorer read = SentenceScorer.parse(text.lines().toList());

        assertEquals(text, read.write(List.of("made by a test")));
        assertEquals(40, read.budget());
    }

    @Test
    void scoresTheExpandedFeaturesLinearly() {
        SentenceScorer scorer = random(2);
        double[] x = new double[SentenceFeatures.NAMES.size()];
        x[0] = 0.5;
        x[3] = 2;
        double[] expanded = SentenceScorer.expand(x);
        SentenceScorer unit = SentenceScorer.parse(scorer.write(List.of()).lines().toList());
        assertEquals(expanded.length, SentenceScorer.expandedSize(x.length));
        assertEquals(1 + x.length + x.length * (x.length + 1) / 2, expanded.length);
        assertEquals(scorer.score(x), unit.score(x), 0);
        // bias, the two features, their squares and their product
        assertEquals(1, expanded[0]);
        assertEquals(0.5, expanded[1]);
        assertEquals(2, expanded[4]);
        assertEquals(6, Arrays.stream(expanded).filter(v -> v != 0).count());
    }

    @Test
    void refusesAModelOfOtherFeaturesOrAnotherFormat() {
        String text = random(3).write(List.of());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> SentenceScorer.parse(text.replace("features position", "features place").lines().toList()));
        assertTrue(other.getMessage().contains("place"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SentenceScorer.parse(List.of("caption-model 1")));
    }

    @Test
    void theCommittedModelSaysHowItWasMade() throws IOException {
        String text;
        try (InputStream in = SentenceScorer.class.getResourceAsStream(SentenceScorer.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("# Made by: ./union-news train-summarizer --train vietnews_train.jsonl"), text);
        assertTrue(text.contains("sha256"), "the data's digest");
        assertTrue(text.contains("Trained 20"), "the date");
        assertTrue(SentenceScorer.standard().budget() > 0);
    }
}
