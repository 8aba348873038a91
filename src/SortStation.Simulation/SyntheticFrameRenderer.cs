using OpenCvSharp;

namespace SortStation.Simulation;

/// <summary>
/// Draws an item on a belt, so the demo needs no photos: a grey textured belt with side rails and one
/// object whose shape and colour follow its label (brown box, green bottle, silver can, white sheet,
/// clear bottle, dark crumpled bag), at a jittered position and angle.
/// </summary>
public sealed class SyntheticFrameRenderer(int width, int height)
{
    public Mat Render(string label, Func<int, int> random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var frame = new Mat(height, width, MatType.CV_8UC3, new Scalar(58, 60, 62));
        DrawBelt(frame);
        var centre = new Point((width / 2) + random(61) - 30, (height / 2) + random(41) - 20);
        var angle = random(360);
        var scale = Math.Min(width, height) / 480.0;
        switch (label)
        {
            case "cardboard":
                Box(frame, centre, new Size2f(220 * scale, 150 * scale), angle, new Scalar(70, 120, 170), new Scalar(50, 90, 130));
                break;
            case "glass":
                Bottle(frame, centre, scale, angle, new Scalar(60, 140, 50), 3);
                break;
            case "metal":
                Box(frame, centre, new Size2f(90 * scale, 160 * scale), angle, new Scalar(190, 190, 185), new Scalar(120, 120, 120));
                break;
            case "paper":
                Box(frame, centre, new Size2f(210 * scale, 280 * scale), angle, new Scalar(235, 235, 230), new Scalar(200, 200, 200));
                break;
            case "plastic":
                Bottle(frame, centre, scale, angle, new Scalar(220, 200, 170), 1);
                break;
            default:
                Blob(frame, centre, scale, random);
                break;
        }

        return frame;
    }

    private void DrawBelt(Mat frame)
    {
        for (var x = 0; x < width; x += 24)
        {
            Cv2.Line(frame, new Point(x, 0), new Point(x, height), new Scalar(66, 68, 70), 1);
        }

        Cv2.Rectangle(frame, new Rect(0, 0, width, height / 12), new Scalar(30, 30, 30), -1);
        Cv2.Rectangle(frame, new Rect(0, height - (height / 12), width, height / 12), new Scalar(30, 30, 30), -1);
    }

    private static void Box(Mat frame, Point centre, Size2f size, float angle, Scalar fill, Scalar edge)
    {
        var corners = new RotatedRect(centre, size, angle).Points().Select(p => new Point(p.X, p.Y)).ToArray();
        Cv2.FillConvexPoly(frame, corners, fill, LineTypes.AntiAlias);
        Cv2.Polylines(frame, [corners], true, edge, 3, LineTypes.AntiAlias);
    }

    private static void Bottle(Mat frame, Point centre, double scale, int angle, Scalar colour, int highlight)
    {
        var body = new Size((int)(55 * scale), (int)(120 * scale));
        Cv2.Ellipse(frame, centre, body, angle, 0, 360, colour, -1, LineTypes.AntiAlias);
        var rad = angle * Math.PI / 180;
        var neck = new Point(centre.X + (int)(Math.Sin(-rad) * 140 * scale), centre.Y + (int)(Math.Cos(rad) * 140 * scale));
        Cv2.Line(frame, centre, neck, colour, (int)(34 * scale), LineTypes.AntiAlias);
        Cv2.Ellipse(frame, centre, new Size(body.Width / 3, body.Height / 2), angle, 200, 250, new Scalar(250, 250, 250), highlight * 3, LineTypes.AntiAlias);
    }

    private static void Blob(Mat frame, Point centre, double scale, Func<int, int> random)
    {
        var points = Enumerable.Range(0, 12).Select(i =>
        {
            var r = (70 + random(60)) * scale;
            var a = i * Math.PI / 6;
            return new Point(centre.X + (int)(Math.Cos(a) * r), centre.Y + (int)(Math.Sin(a) * r));
        }).ToArray();
        Cv2.FillPoly(frame, [points], new Scalar(40, 45, 35), LineTypes.AntiAlias);
        Cv2.Polylines(frame, [points], true, new Scalar(90, 90, 80), 2, LineTypes.AntiAlias);
    }
}
