package io.github.paynetsavecard.spec.gate;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javassist.CtBehavior;
import javassist.CtClass;
import javassist.CtField;
import javassist.CtMethod;
import javassist.NotFoundException;
import javassist.bytecode.AnnotationsAttribute;
import javassist.bytecode.annotation.Annotation;
import javassist.bytecode.annotation.StringMemberValue;

/**
 * The client-API verdict: does code compiled against the client generated from the baseline still compile and link
 * against the client generated from the spec? japicmp compares the generated packages of both
 * ({@code io.github.paynetsavecard.client.generated.*}), source and binary; this class turns its findings into one
 * line per spec change, at the place in the spec, and folds what follows from one change (a renamed schema changes
 * every method that mentions its class) into that change.
 *
 * <p>Additions never break callers: a method added to a generated Retrofit interface is reported by japicmp as
 * source-incompatible for implementors, but those interfaces are implemented by Retrofit, not by merchants.
 */
final class ClientApiCheck {
    /** The generated packages; the hand-written layer is compiled against the new client in the same build anyway. */
    static final String GENERATED = "io/github/paynetsavecard/client/generated/";
    private static final String MODEL = "io.github.paynetsavecard.client.generated.model.";
    private static final String API = "io.github.paynetsavecard.client.generated.api.";
    private static final String MOSHI_JSON = "com.squareup.moshi.Json";
    private static final Set<JApiCompatibilityChangeType> ADDITIONS = EnumSet.of(
            JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE,
            JApiCompatibilityChangeType.METHOD_ABSTRACT_ADDED_TO_CLASS,
            JApiCompatibilityChangeType.METHOD_ABSTRACT_ADDED_IN_IMPLEMENTED_INTERFACE,
            JApiCompatibilityChangeType.METHOD_NEW_DEFAULT,
            JApiCompatibilityChangeType.METHOD_NEW_STATIC_ADDED_TO_INTERFACE,
            JApiCompatibilityChangeType.METHOD_ADDED_TO_PUBLIC_CLASS,
            JApiCompatibilityChangeType.INTERFACE_ADDED,
            JApiCompatibilityChangeType.ANNOTATION_ADDED,
            JApiCompatibilityChangeType.ANNOTATION_REMOVED,
            JApiCompatibilityChangeType.ANNOTATION_MODIFIED,
            JApiCompatibilityChangeType.ANNOTATION_DEPRECATED_ADDED);

    private final ClientNames before;
    private final ClientNames after;
    private final List<Change> changes = new ArrayList<>();
    /** Renamed model classes, old simple name to new, from schema renames. */
    private final Map<String, String> renamed = new LinkedHashMap<>();

    private ClientApiCheck(ClientNames before, ClientNames after) {
        this.before = before;
        this.after = after;
    }

    /** The breaking client-API changes from the baseline client's classes to the spec client's classes. */
    static List<Change> compare(Path baselineClasses, Path clientClasses, ClientNames before, ClientNames after) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
        List<JApiClass> classes = new JarArchiveComparator(options).compare(
                new JApiCmpArchive(jar(baselineClasses), "baseline", "baseline client"),
                new JApiCmpArchive(jar(clientClasses), "spec", "spec client"));
        ClientApiCheck check = new ClientApiCheck(before, after);
        check.judge(classes);
        return List.copyOf(check.changes);
    }

    private void judge(List<JApiClass> classes) {
        List<JApiClass> removedModels = new ArrayList<>();
        List<JApiClass> addedModels = new ArrayList<>();
        List<MethodInfo> removedApiMethods = new ArrayList<>();
        List<MethodInfo> addedApiMethods = new ArrayList<>();
        for (JApiClass type : classes) {
            String name = type.getFullyQualifiedName();
            boolean api = name.startsWith(API);
            if (type.getChangeStatus() == JApiChangeStatus.REMOVED) {
                if (api) {
                    type.getOldClass().ifPresent(c -> declared(c).forEach(m -> removedApiMethods.add(info(m))));
                } else if (name.startsWith(MODEL)) {
                    removedModels.add(type);
                } else {
                    changes.add(new Change(Verdict.CLIENT_API, "client", "class " + simple(name) + " removed"));
                }
            } else if (type.getChangeStatus() == JApiChangeStatus.NEW) {
                if (api) {
                    type.getNewClass().ifPresent(c -> declared(c).forEach(m -> addedApiMethods.add(info(m))));
                } else if (name.startsWith(MODEL)) {
                    addedModels.add(type);
                }
            } else if (api) {
                for (JApiMethod method : type.getMethods()) {
                    if (breaks(method)) {
                        method.getOldMethod().ifPresent(m -> removedApiMethods.add(info(m)));
                        method.getNewMethod().ifPresent(m -> addedApiMethods.add(info(m)));
                    } else if (method.getChangeStatus() == JApiChangeStatus.NEW) {
                        method.getNewMethod().ifPresent(m -> addedApiMethods.add(info(m)));
                    }
                }
            }
        }
        renames(removedModels, addedModels);
        for (JApiClass type : classes) {
            if (type.getChangeStatus() == JApiChangeStatus.UNCHANGED || type.getChangeStatus() == JApiChangeStatus.NEW
                    || type.getChangeStatus() == JApiChangeStatus.REMOVED
                    || type.getFullyQualifiedName().startsWith(API)) {
                continue;
            }
            members(type);
        }
        operations(removedApiMethods, addedApiMethods);
    }

    /** A removed schema class and an added one that stand for a renamed schema become one change. */
    private void renames(List<JApiClass> removed, List<JApiClass> added) {
        List<JApiClass> newOnes = added.stream()
                .filter(type -> before.schemaOf(simple(type.getFullyQualifiedName())).isEmpty()).collect(
                        Collectors.toCollection(ArrayList::new));
        for (JApiClass gone : removed) {
            String oldClass = simple(gone.getFullyQualifiedName());
            String schema = before.schemaOf(oldClass).orElse(oldClass);
            Set<String> shape = gone.getOldClass().map(ClientApiCheck::methodNames).orElse(Set.of());
            Optional<JApiClass> successor = newOnes.size() == 1 && removed.size() == 1 ? Optional.of(newOnes.get(0))
                    : newOnes.stream().filter(type -> type.getNewClass().map(ClientApiCheck::methodNames)
                            .orElse(Set.of()).equals(shape)).findFirst();
            if (successor.isPresent()) {
                newOnes.remove(successor.get());
                String newClass = simple(successor.get().getFullyQualifiedName());
                renamed.put(oldClass, newClass);
                String newSchema = after.schemaOf(newClass).orElse(newClass);
                changes.add(new Change(Verdict.CLIENT_API, "schema " + schema, "renamed to " + newSchema
                        + ": the client's class " + oldClass + " is now " + newClass, "schema " + schema));
            } else {
                changes.add(new Change(Verdict.CLIENT_API, "schema " + schema, "removed: the client's class "
                        + oldClass + " is gone", "schema " + schema));
            }
        }
    }

    /** The breaking member changes of a model or supporting class, one change per property or constant. */
    private void members(JApiClass type) {
        String simpleName = simple(type.getFullyQualifiedName());
        boolean model = type.getFullyQualifiedName().startsWith(MODEL);
        String schema = before.schemaOf(simpleName).orElse(simpleName);
        String place = model ? "schema " + schema : "client class " + simpleName;
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        for (JApiMethod method : type.getMethods()) {
            if (!breaks(method) || consequenceOfRename(method, type)) {
                continue;
            }
            CtMethod old = method.getOldMethod().orElse(null);
            String what = old == null ? "" : describe(old, type.getNewClass().orElse(null));
            String property = model && old != null ? property(type, old.getName()) : "";
            byProperty.computeIfAbsent(property, key -> new ArrayList<>()).add(what);
        }
        byProperty.forEach((property, whats) -> changes.add(new Change(Verdict.CLIENT_API, place,
                (property.isEmpty() ? "" : "property " + property + ": ") + "the client's " + simpleName + "."
                        + String.join(", " + simpleName + ".", whats),
                property.isEmpty() ? "" : place + "." + property)));
        for (JApiField field : type.getFields()) {
            if (!breaks(field)) {
                continue;
            }
            String constant = field.getName();
            if (field.getChangeStatus() == JApiChangeStatus.REMOVED && model) {
                Optional<String> successor = before.valueOf(schema, constant)
                        .flatMap(value -> after.constantOf(schema, value)).filter(name -> !name.equals(constant));
                String value = before.valueOf(schema, constant).map(v -> " (value " + v + ")").orElse("");
                changes.add(new Change(Verdict.CLIENT_API, place, successor
                        .map(name -> "x-enum-varnames entry " + constant + value + " renamed to " + name
                                + ": the client's constant " + simpleName + "." + constant + " is now " + name)
                        .orElse("the client's constant " + simpleName + "." + constant + value + " is gone")));
            } else {
                changes.add(new Change(Verdict.CLIENT_API, place, "the client's field " + simpleName + "."
                        + constant + " changed (" + kinds(field.getCompatibilityChanges()) + ")"));
            }
        }
        for (JApiConstructor constructor : type.getConstructors()) {
            if (breaks(constructor)) {
                changes.add(new Change(Verdict.CLIENT_API, place, "the client's constructor of " + simpleName
                        + " changed (" + kinds(constructor.getCompatibilityChanges()) + ")"));
            }
        }
        List<JApiCompatibilityChange> ofClass = type.getCompatibilityChanges().stream()
                .filter(change -> !ADDITIONS.contains(change.getType()))
                .filter(change -> !change.isBinaryCompatible() || !change.isSourceCompatible()).toList();
        if (!ofClass.isEmpty()) {
            changes.add(new Change(Verdict.CLIENT_API, place, "the client's class " + simpleName + " changed ("
                    + kinds(ofClass) + ")"));
        }
    }

    /** Removed or changed methods of the Retrofit interfaces, matched to the operations they call. */
    private void operations(List<MethodInfo> removed, List<MethodInfo> added) {
        for (MethodInfo gone : removed) {
            if (added.stream().anyMatch(method -> method.sameAfterRenames(gone, renamed))) {
                continue; // only a renamed schema's class changed in its signature: reported with the schema
            }
            Optional<String> operation = before.operationOf(gone.name());
            Optional<MethodInfo> successor = operation.flatMap(op -> added.stream()
                    .filter(method -> after.operationOf(method.name()).equals(Optional.of(op))).findFirst());
            String place = operation.orElse("client interface " + gone.owner());
            String subject = operation.map(op -> "operation " + op).orElse("");
            if (successor.isEmpty()) {
                changes.add(new Change(Verdict.CLIENT_API, place, "the client's " + gone.owner() + "."
                        + gone.signature() + " is gone", subject));
            } else if (!successor.get().name().equals(gone.name())) {
                changes.add(new Change(Verdict.CLIENT_API, place, "operationId renamed from " + gone.name() + " to "
                        + successor.get().name() + ": the client's " + gone.owner() + "." + gone.signature()
                        + " is now " + successor.get().owner() + "." + successor.get().signature(), subject));
            } else if (successor.get().parameters().equals(gone.parameters())) {
                changes.add(new Change(Verdict.CLIENT_API, place, "the client's " + gone.owner() + "."
                        + gone.signature() + " now returns " + successor.get().returnType() + " (was "
                        + gone.returnType() + ")", subject));
            } else {
                changes.add(new Change(Verdict.CLIENT_API, place, "the client's " + gone.owner() + "."
                        + gone.signature() + " is now " + successor.get().owner() + "."
                        + successor.get().signature(), subject));
            }
        }
    }

    private boolean consequenceOfRename(JApiMethod method, JApiClass type) {
        if (renamed.isEmpty() || method.getOldMethod().isEmpty()) {
            return false;
        }
        MethodInfo old = info(method.getOldMethod().get());
        return type.getNewClass().map(c -> declared(c).stream().map(ClientApiCheck::info)
                .anyMatch(candidate -> candidate.sameAfterRenames(old, renamed))).orElse(false);
    }

    private static boolean breaks(japicmp.model.JApiCompatibility member) {
        if (member instanceof japicmp.model.JApiHasChangeStatus status
                && status.getChangeStatus() == JApiChangeStatus.NEW) {
            return false;
        }
        return member.getCompatibilityChanges().stream()
                .filter(change -> !ADDITIONS.contains(change.getType()))
                .anyMatch(change -> !change.isBinaryCompatible() || !change.isSourceCompatible());
    }

    /** The JSON name of the property a model method reads or writes, from the field's Moshi {@code @Json}. */
    private static String property(JApiClass type, String methodName) {
        String field = methodName;
        for (String prefix : List.of("get", "set", "is")) {
            if (methodName.length() > prefix.length() && methodName.startsWith(prefix)
                    && Character.isUpperCase(methodName.charAt(prefix.length()))) {
                field = Character.toLowerCase(methodName.charAt(prefix.length()))
                        + methodName.substring(prefix.length() + 1);
            }
        }
        String javaName = field;
        return Stream.of(type.getOldClass(), type.getNewClass()).flatMap(Optional::stream)
                .map(c -> jsonName(c, javaName)).flatMap(Optional::stream).findFirst().orElse(javaName);
    }

    private static Optional<String> jsonName(CtClass type, String field) {
        try {
            CtField declared = type.getDeclaredField(field);
            AnnotationsAttribute annotations = (AnnotationsAttribute) declared.getFieldInfo2()
                    .getAttribute(AnnotationsAttribute.visibleTag);
            Annotation json = annotations == null ? null : annotations.getAnnotation(MOSHI_JSON);
            return json != null && json.getMemberValue("name") instanceof StringMemberValue name
                    ? Optional.of(name.getValue()) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code getCode() is gone}, or {@code getCode() now returns String (was Integer)}, in merchant words. */
    private static String describe(CtMethod old, CtClass newClass) {
        MethodInfo was = info(old);
        if (newClass != null) {
            List<MethodInfo> sameName = declared(newClass).stream().map(ClientApiCheck::info)
                    .filter(method -> method.name().equals(was.name())).toList();
            for (MethodInfo now : sameName) {
                if (now.parameters().equals(was.parameters()) && !now.returnType().equals(was.returnType())) {
                    return was.signature() + " now returns " + now.returnType() + " (was " + was.returnType() + ")";
                }
            }
            if (sameName.size() == 1) {
                return was.signature() + " is now " + sameName.get(0).signature();
            }
        }
        return was.signature() + " is gone";
    }

    private static List<CtMethod> declared(CtClass type) {
        return Stream.of(type.getDeclaredMethods())
                .filter(method -> javassist.Modifier.isPublic(method.getModifiers())).toList();
    }

    private static Set<String> methodNames(CtClass type) {
        return declared(type).stream().map(CtBehavior::getName).collect(Collectors.toSet());
    }

    private static String kinds(List<JApiCompatibilityChange> changes) {
        return changes.stream().map(change -> change.getType().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).distinct().collect(Collectors.joining(", "));
    }

    static String simple(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static MethodInfo info(CtMethod method) {
        javassist.bytecode.SignatureAttribute generic = (javassist.bytecode.SignatureAttribute) method
                .getMethodInfo2().getAttribute(javassist.bytecode.SignatureAttribute.tag);
        return MethodInfo.of(simple(method.getDeclaringClass().getName()), method.getName(),
                method.getMethodInfo2().getDescriptor(), generic == null ? null : generic.getSignature());
    }

    /** A method as the report names it, from its bytecode descriptor and generic signature (no class loading). */
    record MethodInfo(String owner, String name, List<String> parameters, String returnType, String signatureText) {
        static MethodInfo of(String owner, String name, String descriptor, String generic) {
            List<String> parameters = new ArrayList<>();
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                int end = typeEnd(descriptor, i);
                parameters.add(typeName(descriptor.substring(i, end)));
                i = end;
            }
            String returnType = typeName(descriptor.substring(i + 1));
            if (generic != null && generic.contains("<")) {
                returnType = generic.substring(generic.indexOf(')') + 1).replaceAll("L(?:[A-Za-z0-9_$]+/)*", "")
                        .replace(";", "").replace('$', '.');
            }
            return new MethodInfo(owner, name, List.copyOf(parameters), returnType,
                    generic != null ? generic : descriptor);
        }

        String signature() {
            return name + "(" + String.join(", ", parameters) + ")";
        }

        /** Whether {@code old} becomes this method once the renamed model classes are put in. */
        boolean sameAfterRenames(MethodInfo old, Map<String, String> renames) {
            if (!name.equals(old.name) || renames.isEmpty()) {
                return false;
            }
            String substituted = old.signatureText;
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                substituted = substituted.replace("/model/" + rename.getKey() + ";", "/model/" + rename.getValue()
                        + ";");
            }
            return !substituted.equals(old.signatureText) && substituted.equals(signatureText);
        }

        private static int typeEnd(String descriptor, int start) {
            int i = start;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            return descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
        }

        private static String typeName(String type) {
            int dims = 0;
            while (type.charAt(dims) == '[') {
                dims++;
            }
            String base = switch (type.charAt(dims)) {
                case 'Z' -> "boolean";
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'S' -> "short";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'F' -> "float";
                case 'D' -> "double";
                case 'V' -> "void";
                default -> simple(type.substring(dims + 1, type.length() - 1).replace('/', '.'));
            };
            return base + "[]".repeat(dims);
        }
    }

    /** An in-memory jar of the generated packages under {@code classes}. */
    static byte[] jar(Path classes) {
        Path root = classes.resolve(GENERATED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (Files.isDirectory(root)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(file -> file.toString().endsWith(".class")).sorted().toList();
                }
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the generated client classes in " + classes, e);
        }
        return bytes.toByteArray();
    }
}
