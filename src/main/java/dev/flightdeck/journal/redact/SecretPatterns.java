package dev.flightdeck.journal.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Secrets recognisable by their shape, masked even when the session does not know their value. */
final class SecretPatterns {

    static final String MASK = "********";

    /** A PEM block, or the cut-off start of one (output bounding may have removed its end). */
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----.*?(?:-----END \\1-----|\\z)", Pattern.DOTALL);
    /** The end of a PEM block whose start was cut off (the tail of a bounded output). */
    private static final Pattern PEM_ORPHAN_END =
            Pattern.compile("\\A(?:(?!-----BEGIN ).)*?-----END [A-Z0-9 ]+-----", Pattern.DOTALL);
    /** An Authorization header, also as curl -v shows it ({@code > Authorization: Basic …}). */
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?im)^([\\s<>*]*(?:proxy-)?authorization\\s*:\\s*)\\S.*$");
    /** key=value or key: value for keys that name a secret; PGPASSWORD=, password=, JDBC "password=" included. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(\\b(?:pgpassword|password|passwd|pwd|passphrase|secret|client_secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)"
                    + "\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&;,'\"]+)");
    /** user:password@ in URLs such as postgresql://app:secret@db:5432/clinic. */
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");

    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    /** curl's {@code -u user:password} / {@code --user user:password} (the user stays readable). */
    private static final Pattern USER_OPTION =
            Pattern.compile("((?:^|\\s)(?:-u|--user|--proxy-user)\\s*['\"]?[^\\s:'\"]+:)([^\\s'\"]+)");
    /** {@code --password SECRET}, {@code --token SECRET} and the like, as separate words. */
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)((?:^|\\s)--?(?:password|passwd|pass|passphrase|secret|client-secret|token|api-key|access-token|auth-token)\\s+)([^\\s-][^\\s]*)");

    private SecretPatterns() {}

    static String mask(String text) {
        String masked = PEM.matcher(text)
                .replaceAll(match -> "[PEM block " + Matcher.quoteReplacement(match.group(1)) + " removed]");
        masked = PEM_ORPHAN_END.matcher(masked).replaceAll("[end of a PEM block removed]");
        masked = AUTHORIZATION.matcher(masked).replaceAll("$1" + MASK);
        masked = URL_CREDENTIALS.matcher(masked).replaceAll("$1" + MASK + "$3");
        masked = BEARER.matcher(masked).replaceAll("$1" + MASK);
        masked = USER_OPTION.matcher(masked).replaceAll("$1" + MASK);
        masked = SECRET_OPTION.matcher(masked).replaceAll("$1" + MASK);
        for (Pattern pattern : List.of(ASSIGNMENT)) {
            masked = pattern.matcher(masked).replaceAll("$1" + MASK);
        }
        return masked;
    }
}
