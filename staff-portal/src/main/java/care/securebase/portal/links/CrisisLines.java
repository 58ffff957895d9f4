package care.securebase.portal.links;

import io.quarkus.qute.TemplateExtension;

/** The clinic's crisis line as a link a phone can call: {@code {line.telHref}}, null when it is not a number. */
@TemplateExtension
public final class CrisisLines {

    private CrisisLines() {
    }

    static String telHref(String line) {
        if (line == null) {
            return null;
        }
        String digits = line.replaceAll("[^0-9+]", "");
        if (digits.replace("+", "").length() < 3 || digits.lastIndexOf('+') > 0) {
            return null;
        }
        return "tel:" + digits;
    }
}
