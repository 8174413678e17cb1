package io.logcentral.textformat;

import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plain text log line as most loggers write it: an optional timestamp (ISO-8601, or date and time as two words, as
 * Python's asctime writes), an optional level name (bare, {@code [ERROR]} or {@code ERROR:}), then the message. Any
 * line reads as one, so it is the format of last resort.
 */
public final class PlainLine {

    private PlainLine() {}

    public static ObjectNode parse(String line) {
        ObjectNode log = JsonNodeFactory.instance.objectNode();
        String rest = line;
        String[] words = rest.split(" ", 3);
        if (words.length >= 2 && Timestamps.parse(words[0] + " " + words[1]).isPresent()) {
            log.put("timestamp", words[0] + " " + words[1]);
            rest = words.length == 3 ? words[2] : "";
        } else if (Timestamps.parse(words[0]).isPresent() && !isNumber(words[0])) {
            log.put("timestamp", words[0]);
            rest = rest.substring(words[0].length()).stripLeading();
        }
        String[] levelAndMessage = rest.split(" ", 2);
        String level = levelName(levelAndMessage[0]);
        if (level != null && levelAndMessage.length == 2) {
            log.put("severity", level);
            rest = levelAndMessage[1].stripLeading();
        }
        log.put("message", rest);
        return log;
    }

    private static @Nullable String levelName(String word) {
        String bare = word.replaceAll("^\\[|]:?$|:$", "");
        boolean named = !bare.isEmpty() && bare.chars().allMatch(Character::isLetter);
        return named && Severity.parse(bare).isPresent() ? bare : null;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
