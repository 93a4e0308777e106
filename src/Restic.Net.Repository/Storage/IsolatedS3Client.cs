using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// The S3 client without the SDK's client-side monitoring: with <c>AWS_CSM_ENABLED</c> in the environment or
/// <c>csm_enabled</c> in a profile, the SDK sends a UDP datagram for every call, with the access key id and the session
/// token, to a local agent. The reader's credentials go nowhere but into its request signatures.
/// </summary>
internal sealed class IsolatedS3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);

        // The SDK adds these two only when monitoring is switched on; removing an absent handler throws.
        if (pipeline.Handlers.Any(handler => handler is CSMCallEventHandler))
        {
            pipeline.RemoveHandler<CSMCallEventHandler>();
        }

        if (pipeline.Handlers.Any(handler => handler is CSMCallAttemptHandler))
        {
            pipeline.RemoveHandler<CSMCallAttemptHandler>();
        }
    }
}
