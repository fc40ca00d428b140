using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// From what <see cref="MatrixWorkbookReader"/> found to a plan document in the loader's format, every problem
/// reported on the way (by sheet and cell, in the reader's language). The document is then checked by the plan
/// loader itself, so a workbook and a JSON file obey exactly the same rules.
/// </summary>
internal static class PlanMatrixInterpreter
{
    public static PlanDocument? Interpret(MatrixWorkbook workbook, MatrixProblems problems)
    {
        var plan = MatrixPlanFields.Read(workbook, problems);
        if (workbook.Data is not { } data)
        {
            var wanted = string.Join(", ", new[] { MatrixColumn.ActivityCode, MatrixColumn.ActivityText, MatrixColumn.Meta }
                .Select(c => MatrixHeaders.For(c).In(problems.Language)).Select(h => $"«{h}»"));
            problems.Add(PlanIssues.SheetNotFound, null, null, null, wanted, PlanMatrixLayout.MaxHeadSearchRows);
            return null;
        }

        var map = MatrixColumnMap.Read(data, plan, problems);
        var axes = new MatrixRowsReader(data, map, plan, problems).Read();
        return new PlanDocument
        {
            Id = plan.Id,
            Title = new LocalizedTextDocument { Es = plan.TitleEs, En = plan.TitleEn },
            FirstYear = plan.FirstYear,
            LastYear = plan.LastYear,
            Axes = axes.Select(axis => (AxisDocument?)new AxisDocument
            {
                Code = axis.Code,
                Name = new LocalizedTextDocument { Es = axis.Text(MatrixColumn.AxisName), En = axis.Text(MatrixColumn.AxisNameEn) },
                StrategicObjectives = axis.Children.Select(so => (StrategicObjectiveDocument?)new StrategicObjectiveDocument
                {
                    Code = so.Code,
                    Label = so.Text(MatrixColumn.StrategicLabel) ?? "",
                    Text = so.Text(MatrixColumn.StrategicText),
                    En = new ObjectiveTextsDocument { Text = so.Text(MatrixColumn.StrategicTextEn) },
                    OperationalObjectives = so.Children.Select(oo => (OperationalObjectiveDocument?)new OperationalObjectiveDocument
                    {
                        Code = oo.Code,
                        Label = oo.Text(MatrixColumn.OperationalLabel) ?? "",
                        Text = oo.Text(MatrixColumn.OperationalText),
                        En = new ObjectiveTextsDocument { Text = oo.Text(MatrixColumn.OperationalTextEn) },
                        Activities = oo.Activities.Select(a => (ActivityDocument?)a).ToList(),
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }
}
