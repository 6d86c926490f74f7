package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparseVectorTest {
    private static final double[] IDF = {1.0, 2.0, 0.5, 3.0};

    @Test
    void weighsEachDistinctTermByItsCountTimesItsIdf() {
        SparseVector twiceTheFirst = SparseVector.of(new int[] {0, 0}, IDF);
        SparseVector once = SparseVector.of(new int[] {0}, IDF);

        assertEquals(1, twiceTheFirst.size());
        assertEquals(1.0, twiceTheFirst.cosine(once), 1e-12);
    }

    @Test
    void cosineMergesTermsGivenInAnyOrder() {
        // a = (0: 1, 1: 2, 3: 3), b = (1: 2, 2: 0.5, 3: 6): dot = 4 + 18 = 22
        SparseVector a = SparseVector.of(new int[] {3, 1, 0}, IDF);
        SparseVector b = SparseVector.of(new int[] {2, 3, 1, 3}, IDF);
        double expected = 22 / (Math.sqrt(1 + 4 + 9) * Math.sqrt(4 + 0.25 + 36));

        assertEquals(3, a.size());
        assertEquals(expected, a.cosine(b), 1e-12);
        assertEquals(a.cosine(b), b.cosine(a));
    }

    @Test
    void isZeroWithoutASharedTermOrForAnEmptyVector() {
        SparseVector a = SparseVector.of(new int[] {0, 1}, IDF);
        SparseVector b = SparseVector.of(new int[] {2, 3}, IDF);

        assertEquals(0.0, a.cosine(b));
        assertEquals(0.0, a.cosine(SparseVector.EMPTY));
        assertEquals(0.0, SparseVector.EMPTY.cosine(a));
    }
}
