using System.Reflection;
using System.Reflection.Emit;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// The types one compiled type refers to: its base type, interfaces, attributes, fields, properties, method
/// signatures and every type, method or field token in its method bodies (lambdas, iterators and async state
/// machines are nested types, so they count for the type that wrote them). Read from the compiled assembly rather
/// than from <c>using</c> lines, which over-count (an unused using) and under-count (a fully qualified name).
/// Hand-written because the only library that reads IL operands (Mono.Cecil) is not on the package mirror; the
/// reader needs just the opcode table that <see cref="OpCodes"/> already carries. Constants and <c>nameof</c> are
/// compiled away and so are not references, which is the right answer for a dependency between folders.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Every type <paramref name="type"/> refers to, generic arguments and element types unwrapped.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Unwrap(t, found);

        Add(type.BaseType);
        foreach (var implemented in type.GetInterfaces()) Add(implemented);
        AddAttributes(type.CustomAttributes, Add);
        foreach (var field in type.GetFields(Declared)) { Add(field.FieldType); AddAttributes(field.CustomAttributes, Add); }
        foreach (var property in type.GetProperties(Declared)) { Add(property.PropertyType); AddAttributes(property.CustomAttributes, Add); }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) { Add(parameter.ParameterType); AddAttributes(parameter.CustomAttributes, Add); }
            AddAttributes(method.CustomAttributes, Add);
            AddBody(method, Add);
        }
        return found;
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, Action<Type?> add)
    {
        foreach (var attribute in attributes)
        {
            add(attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(named => named.TypedValue)))
                if (argument.Value is Type typeArgument) add(typeArgument);
        }
    }

    private static void AddBody(MethodBase method, Action<Type?> add)
    {
        var body = method.GetMethodBody();
        if (body is null) return;
        foreach (var local in body.LocalVariables) add(local.LocalType);
        foreach (var clause in body.ExceptionHandlingClauses)
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause) add(clause.CatchType);

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                    AddMember(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments, add);
                    break;
            }
            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static void AddMember(Module module, int token, Type[]? typeArguments, Type[]? methodArguments, Action<Type?> add)
    {
        var member = module.ResolveMember(token, typeArguments, methodArguments);
        switch (member)
        {
            case Type type: add(type); break;
            case FieldInfo field: add(field.DeclaringType); add(field.FieldType); break;
            case MethodBase called:
                add(called.DeclaringType);
                if (called is MethodInfo info)
                {
                    add(info.ReturnType);
                    if (info.IsGenericMethod) foreach (var argument in info.GetGenericArguments()) add(argument);
                }
                foreach (var parameter in called.GetParameters()) add(parameter.ParameterType);
                break;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static void Unwrap(Type? type, HashSet<Type> found)
    {
        while (type is not null && (type.HasElementType)) type = type.GetElementType();
        if (type is null || type.IsGenericParameter || !found.Add(type)) return;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Unwrap(type.GetGenericTypeDefinition(), found);
            foreach (var argument in type.GetGenericArguments()) Unwrap(argument, found);
        }
    }
}
