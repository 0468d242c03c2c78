package com.wabilling.support.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.wabilling.support.csv.InputFiles;

/**
 * The parameters a job accepts, with their defaults and checks (docs/operations.md), owned by the job's
 * configuration: the job validates what it is started with, reads optional values through
 * {@link #value}, and the command line fills the defaults in before launch through
 * {@link #resolve}, so that "input=x" and "input=x effective-date=2023-04-01" are the same run for
 * the job repository. The job's name is its command's name.
 */
public record JobParameterSpec(String name, List<Param> params) {

    public static final String RERUN = "rerun";
    /** docs/formats.md: a run fails once more records than this were rejected. */
    public static final Param MAX_REJECTS = Param.optional("max-rejects", "1000", Kind.COUNT);

    /** NAME: letters, digits, '.', '_' and '-', or empty (an optional choice the job checks itself). */
    public enum Kind { TEXT, EXISTING_PATH, DATE, MONTH, COUNT, BOOLEAN, SCOPE, WABA_IDS, NAME }

    public record Param(String name, boolean required, String defaultValue, Kind kind) {

        public static Param required(String name, Kind kind) {
            return new Param(name, true, null, kind);
        }

        public static Param optional(String name, String defaultValue, Kind kind) {
            return new Param(name, false, defaultValue, kind);
        }

        String describe() {
            String shape = switch (kind) {
                case TEXT -> "<text>";
                case EXISTING_PATH -> "<file or directory>";
                case DATE -> "<YYYY-MM-DD>";
                case MONTH -> "<YYYY-MM>";
                case COUNT -> "<whole number>";
                case BOOLEAN -> "<true|false>";
                case SCOPE -> "<phone-number|waba>";
                case WABA_IDS -> "<waba_id>[,<waba_id>...]";
                case NAME -> "<name>";
            };
            String text = name + "=" + (defaultValue == null || defaultValue.isEmpty() ? shape : defaultValue);
            return required ? text : "[" + text + "]";
        }
    }

    public String usage() {
        return name + " " + params.stream().map(Param::describe).collect(Collectors.joining(" "))
                + " [" + RERUN + "=<anything new>]";
    }

    /** The value of an optional or required parameter: as given, else its default. */
    public String value(Map<String, ?> jobParameters, String parameter) {
        Object given = jobParameters.get(parameter);
        if (given != null) {
            return given.toString();
        }
        return params.stream().filter(p -> p.name().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no parameter " + parameter))
                .defaultValue();
    }

    /** Refuses a start with unknown parameters, a missing required one, or a value of the wrong kind. */
    public JobParametersValidator validator() {
        return parameters -> {
            Map<String, String> given = new LinkedHashMap<>();
            parameters.parameters().forEach(p -> given.put(p.name(), String.valueOf(p.value())));
            try {
                resolve(given);
            } catch (UsageException e) {
                throw new InvalidJobParametersException(e.getMessage());
            }
        };
    }

    /** Checks the given name=value pairs and returns the job parameters with defaults filled in. */
    public Map<String, String> resolve(Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (!key.equals(RERUN) && params.stream().noneMatch(p -> p.name().equals(key))) {
                throw new UsageException("unknown parameter '" + key + "' for " + name + "; accepted: " + usage());
            }
        }
        for (Param p : params) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            if (value == null) {
                throw new UsageException("missing parameter " + p.name() + "= for " + name + "; usage: " + usage());
            }
            check(p, value);
            result.put(p.name(), value);
        }
        if (given.containsKey(RERUN)) {
            if (given.get(RERUN).isBlank()) {
                throw new UsageException("rerun= needs a value that was not used before, e.g. rerun=2");
            }
            result.put(RERUN, given.get(RERUN));
        }
        return result;
    }

    private void check(Param p, String value) {
        if (!p.required() && value.isEmpty() && "".equals(p.defaultValue())) {
            return; // an optional parameter whose default is "not given"
        }
        String problem = switch (p.kind()) {
            case TEXT -> value.isBlank() ? "is empty" : null;
            case EXISTING_PATH -> inputProblem(value);
            case DATE -> parses(() -> LocalDate.parse(value)) ? null : "is not a date YYYY-MM-DD: " + value;
            case MONTH -> parses(() -> YearMonth.parse(value)) ? null : "is not a month YYYY-MM: " + value;
            case COUNT -> value.matches("\\d{1,9}") ? null : "is not a whole number: " + value;
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "must be true or false: " + value;
            case SCOPE -> value.equals("phone-number") || value.equals("waba") ? null
                    : "must be phone-number or waba: " + value;
            case WABA_IDS -> value.isEmpty() || value.matches("\\d{1,32}(,\\d{1,32})*") ? null
                    : "must be waba_ids (digits) separated by commas, no blanks: " + value;
            case NAME -> value.matches("[A-Za-z0-9._-]*") ? null : "is not a name: " + value;
        };
        if (problem != null) {
            throw new UsageException(name + ": " + p.name() + " " + problem + "; usage: " + usage());
        }
    }

    /** An empty value would read the working directory; a folder must hold input files. */
    private static String inputProblem(String value) {
        if (value.isBlank()) {
            return "is empty: name a CSV file or a folder of CSV files";
        }
        if (!Files.exists(Path.of(value))) {
            return "does not exist: " + value;
        }
        try {
            InputFiles.resolve(value);
            return null;
        } catch (InputFiles.NoInputFilesException e) {
            return "names no input file: " + e.getMessage();
        } catch (InputFiles.UnnameableFileException e) {
            return e.getMessage();
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
