package vn.unionnews.event;

import java.util.List;

/**
 * Whether an article reports an event of one alert topic: the alert model's score in [0, 1], whether the default
 * alert is due, and the event signals found ("event “ngừng việc”", "dated “sáng 12/3”", "workers “300 công
 * nhân”", "employer …", "in Bình Dương"; "policy words …" when a discussion's words lead).
 */
public record EventAssessment(double score, boolean due, List<String> signals) {
    public EventAssessment {
        signals = Lists.copyOf(signals);
    }
}
