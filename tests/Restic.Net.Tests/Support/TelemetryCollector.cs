using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Restic.Net.Tests.Support;

/// <summary>One measurement of a Restic.Net instrument.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? this[string tag] => Tags.TryGetValue(tag, out var value) ? value : null;
}

/// <summary>
/// Listens to the Restic.Net <see cref="ActivitySource"/> and <see cref="Meter"/> in memory. Both are
/// process-wide, so only what carries <paramref name="repository"/> as its <c>restic.repository</c> tag is kept.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly string _repository;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCollector(string repository)
    {
        _repository = repository;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Restic.Net",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("restic.repository"), _repository))
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Restic.Net")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public double Sum(string instrument, params (string Tag, object Value)[] filter) =>
        Of(instrument).Where(m => filter.All(f => Equals(m[f.Tag], f.Value))).Sum(m => m.Value);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (Equals(copy.GetValueOrDefault("restic.repository"), _repository))
        {
            _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
        }
    }
}
