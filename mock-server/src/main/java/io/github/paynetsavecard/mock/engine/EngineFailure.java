package io.github.paynetsavecard.mock.engine;

/**
 * Describes a failure inside the engine for its one log line: each exception's type and its stack, without the
 * exception messages, which may quote the request (a key, a phone number, a card description).
 */
final class EngineFailure {
    private EngineFailure() {
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            text.append(depth == 0 ? "" : "\nCaused by: ").append(cause.getClass().getName())
                    .append(" (message left out: it may quote the request)");
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 40); i++) {
                text.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > 40) {
                text.append("\n\t... ").append(frames.length - 40).append(" more");
            }
        }
        return text.toString();
    }
}
