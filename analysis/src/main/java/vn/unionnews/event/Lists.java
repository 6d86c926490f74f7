package vn.unionnews.event;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The lists of the event records: immutable, never null and without null elements, whatever JSON a reader is
 * given (any client may write the topics), so that no stage meets a null where it expects an element.
 */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copyOf(List<T> list) {
        return copyOf(list, element -> true);
    }

    /** The elements that are not null and that {@code keep} accepts, in order. */
    static <T> List<T> copyOf(List<T> list, Predicate<? super T> keep) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).filter(keep).toList();
    }
}
