using SortStation.Core.Options;

namespace SortStation.Vision.Tests;

public sealed class ModelMetadataLoaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sortstation-model-");

    [Fact]
    public void Load_MetadataBesideModel_ReadsIt()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "version": "2.0.0", "labels": ["a", "b"], "mean": [127.5, 127.5, 127.5], "std": [127.5, 127.5, 127.5], "cropFraction": 1.0 }""");

        var m = ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() });

        Assert.Equal(("m", "2.0.0", 2, 127.5f, 1.0), (m.Name, m.Version, m.Labels.Count, m.Mean[0], m.CropFraction));
    }

    [Fact]
    public void Load_OnlyLabelsFile_DropsInWithDefaults()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "labels.txt"), "cat\n\ndog\n");

        var m = ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile("classifier.onnx") });

        Assert.Equal(("classifier", 224), (m.Name, m.InputWidth));
        Assert.Equal(["cat", "dog"], m.Labels);
    }

    [Fact]
    public void Load_LabelsFileInAnotherOrderThanMetadata_RefusedNamingBothFilesAndTheOutput()
    {
        var metadata = Path.Combine(_dir.FullName, "metadata.json");
        var labels = Path.Combine(_dir.FullName, "labels.txt");
        File.WriteAllText(metadata, """{ "name": "m", "labels": ["cardboard", "glass", "metal"] }""");
        File.WriteAllText(labels, "cardboard\nmetal\nglass\n");

        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));

        Assert.Contains("label lists differ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(metadata, ex.Message, StringComparison.Ordinal);
        Assert.Contains(labels, ex.Message, StringComparison.Ordinal);
        Assert.Contains("output 1 is 'glass' in one and 'metal' in the other", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelsPathConfiguredWithOtherLabels_Refused()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a", "b"] }""");
        var labels = Path.Combine(_dir.FullName, "mine.txt");
        File.WriteAllText(labels, "a\nb\nc\n");

        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile(), LabelsPath = labels }));

        Assert.Contains("one lists 2 labels, the other 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MetadataAndLabelsFileAgree_Loads()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a", "b"] }""");
        File.WriteAllText(Path.Combine(_dir.FullName, "labels.txt"), "a\nb\n");

        Assert.Equal(["a", "b"], ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }).Labels);
    }

    [Fact]
    public void Load_LabelTwice_Refused()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "labels.txt"), "glass\nmetal\nGlass\n");

        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));

        Assert.Contains("label 'glass' names two outputs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelHash_File_First12HexOfSha256()
    {
        var file = Path.Combine(_dir.FullName, "abc.onnx");
        File.WriteAllText(file, "abc");

        Assert.Equal("ba7816bf8f01", ModelHash.Of(file)); // SHA-256("abc") = ba7816bf8f01cfea…
    }

    [Fact]
    public void ModelHash_Folder_CoversMetadataAndLabelsAsCatDoes()
    {
        var model = Path.Combine(_dir.FullName, "model.onnx");
        File.WriteAllText(model, "a");
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), "b");
        File.WriteAllText(Path.Combine(_dir.FullName, "labels.txt"), "c");

        var files = ModelMetadataLoader.Files(new ModelOptions { Path = model });

        Assert.Equal(["model.onnx", "metadata.json", "labels.txt"], files.Select(Path.GetFileName));
        Assert.Equal("ba7816bf8f01", ModelHash.Of(files)); // cat model.onnx metadata.json labels.txt = "abc"
    }

    [Fact]
    public void ModelHash_OnlyTheTemperatureChanges_OtherHash()
    {
        var model = Path.Combine(_dir.FullName, "model.onnx");
        File.WriteAllText(model, "weights");
        var metadata = Path.Combine(_dir.FullName, "metadata.json");
        File.WriteAllText(metadata, """{ "name": "m", "version": "1.0.0", "temperature": 1.0 }""");
        var before = ModelHash.Of(ModelMetadataLoader.Files(new ModelOptions { Path = model }));

        File.WriteAllText(metadata, """{ "name": "m", "version": "1.0.0", "temperature": 0.59 }""");

        Assert.NotEqual(before, ModelHash.Of(ModelMetadataLoader.Files(new ModelOptions { Path = model })));
    }

    [Fact]
    public void Load_NoLabelsAnywhere_ThrowsSayingWhereToPutThem()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));

        Assert.Contains("labels.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZeroStd_Throws()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a"], "std": [1, 0, 1] }""");

        Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));
    }

    [Fact]
    public void Load_Temperature_ReadsIt()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a", "b"], "temperature": 1.37 }""");

        var m = ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() });

        Assert.Equal(1.37, m.Temperature);
    }

    [Fact]
    public void Load_NoTemperature_PlainSoftmax()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a", "b"] }""");

        Assert.Equal(1.0, ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }).Temperature);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.2")]
    [InlineData("1000")]
    public void Load_UnusableTemperature_ThrowsNamingIt(string temperature)
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), $$"""{ "name": "m", "labels": ["a"], "temperature": {{temperature}} }""");

        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));

        Assert.Contains("temperature", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemperatureOnProbabilityOutput_Throws()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "metadata.json"), """{ "name": "m", "labels": ["a"], "output": "probabilities", "temperature": 1.5 }""");

        var ex = Assert.Throws<InvalidDataException>(() => ModelMetadataLoader.Load(new ModelOptions { Path = ModelFile() }));

        Assert.Contains("logits only", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string ModelFile(string name = "model.onnx")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, [0]);
        return path;
    }
}
