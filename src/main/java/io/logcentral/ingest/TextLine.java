package io.logcentral.ingest;

import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plain text log line as most loggers write it: an optional timestamp (ISO-8601, or date and time as two words, as
 * Python's asctime writes), an optional level name (bare, {@code [ERROR]} or {@code ERROR:}), then the message.
 */
final class TextLine {

    private TextLine() {}

    static ObjectNode parse(String line, JsonMapper json) {
        ObjectNode log = json.createObjectNode();
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

    private static String levelName(String word) {
        String bare = word.replaceAll("^\\[|]:?$|:$", "");
        boolean named = !bare.isEmpty() && bare.chars().allMatch(Character::isLetter);
        return named && Severity.parse(bare).isPresent() ? bare : null;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
