import Foundation

/// Mainland Norway's outline, for telling a position in Norway from one that is not: swapped
/// axes, a wrong SRID, a foreign address.
///
/// Built from Natural Earth's 1:110m countries (public domain): the mainland widened by 120 km
/// out to sea (so islands such as Røst and Utsira are inside) and cut back at the land borders
/// to 10 km inside Sweden, Finland and Russia. It is tolerant on purpose: a point outside is not
/// in Norway; a point up to about 10 km across a land border may still count as inside. Svalbard
/// and Jan Mayen are outside: alkoholloven does not apply there.
public enum NorwayExtent {
    /// The outline as [latitude, longitude] pairs (WGS84), closed.
    static let outline: [[Double]] = [
        [57.6026, 9.9027], [57.4118, 9.4849], [57.2874, 8.9903], [57.0325, 7.5084], [57.0049, 7.1368],
        [57.0151, 6.7624], [57.1001, 6.2228], [57.2003, 5.8952], [57.6976, 4.5326], [57.9131, 4.0832],
        [58.0918, 3.8566], [58.2906, 3.6997], [59.5789, 3.1971], [61.8763, 2.7250], [62.0756, 2.7195],
        [62.3669, 2.8594], [62.5460, 3.0488], [63.3490, 4.1911], [64.2478, 6.8700], [65.0842, 8.4119],
        [66.3565, 9.9751], [68.3792, 12.3136], [69.2175, 14.0630], [70.4808, 16.6911], [70.7289, 17.4917],
        [71.1867, 19.7517], [71.2756, 20.3488], [71.3281, 21.2234], [71.7514, 22.0498], [71.9536, 22.8136],
        [72.0442, 23.4210], [72.0947, 24.0778], [72.0765, 25.9178], [72.2331, 27.4222], [72.2585, 28.1254],
        [72.2380, 28.8302], [72.1724, 29.5030], [72.0651, 30.1126], [71.1521, 33.7604], [70.9783, 34.1177],
        [70.7849, 34.3591], [70.4753, 34.4915], [70.1662, 34.3512], [69.9127, 34.0119], [69.5896, 34.1636],
        [69.3865, 34.1109], [69.1959, 33.9569], [69.2346, 33.6092], [69.7804, 32.1261], [69.4890, 31.2625],
        [69.0833, 29.5414], [68.9798, 28.6693], [68.9818, 28.4993], [69.0224, 28.3721], [69.0740, 28.3433],
        [69.7352, 28.7324], [70.0531, 27.7046], [69.7698, 26.4071], [69.0568, 25.9193], [68.5679, 24.8364],
        [68.5695, 24.6258], [68.7993, 23.6035], [68.7614, 22.2470], [69.2257, 21.2388], [69.0317, 20.7847],
        [68.9897, 20.2586], [68.3999, 20.1211], [68.3398, 20.0387], [68.3185, 19.8432], [68.4600, 18.1897],
        [67.9542, 17.9151], [67.9212, 17.7492], [67.9241, 16.9365], [66.1643, 15.3179], [64.7876, 13.7866],
        [64.4479, 14.1276], [64.0172, 13.7632], [63.9595, 13.5820], [63.9743, 12.7284], [63.1159, 12.1294],
        [61.8262, 12.1808], [61.2896, 12.8175], [60.0875, 12.4695], [59.3923, 11.6265], [58.8518, 11.2101],
        [57.8496, 11.7502], [57.7792, 11.0634], [57.7958, 10.6682], [57.8469, 10.3161], [57.6026, 9.9027],
    ]

    private static let latitudes = outline.map { $0[0] }
    private static let longitudes = outline.map { $0[1] }
    private static let latitudeRange = latitudes.min()!...latitudes.max()!
    private static let longitudeRange = longitudes.min()!...longitudes.max()!

    /// True when `point` lies inside the outline (even-odd rule).
    public static func contains(_ point: GeoPoint) -> Bool {
        guard latitudeRange.contains(point.latitude), longitudeRange.contains(point.longitude) else { return false }
        var inside = false
        var j = outline.count - 1
        for i in 0..<outline.count {
            let (yi, xi) = (outline[i][0], outline[i][1])
            let (yj, xj) = (outline[j][0], outline[j][1])
            if (yi > point.latitude) != (yj > point.latitude),
                point.longitude < (xj - xi) * (point.latitude - yi) / (yj - yi) + xi
            {
                inside.toggle()
            }
            j = i
        }
        return inside
    }
}
