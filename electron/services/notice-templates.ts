/**
 * The built-in notice templates the station starts with. Their `{{variables}}` are filled when a
 * notice is made from them; 单位名称, 联系电话 and 今天 fill themselves (notice-variables.ts).
 * Seeded by key at every start, so a template missing from an old file is added, and a station's
 * own templates are never touched.
 */
import type { NoticeLayout } from '../contract/dto'

export interface BuiltinTemplate {
  key: string
  name: string
  title: string
  bodyHtml: string
  layout: NoticeLayout
}

const p = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('')

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  {
    key: 'meeting',
    name: '会议通知',
    title: '关于召开{{会议名称}}的通知',
    layout: 'formal',
    bodyHtml: p(
      '各位居民（党员）：',
      '经研究，定于{{会议时间}}在{{会议地点}}召开{{会议名称}}。现将有关事项通知如下：',
      '一、会议内容：{{会议内容}}',
      '二、参会人员：{{参会人员}}',
      '三、请参会人员准时出席。因故不能参加的，请提前向社区请假，联系电话：{{联系电话}}。',
      '特此通知。',
    ),
  },
  {
    key: 'activity',
    name: '活动通知',
    title: '关于开展{{活动名称}}的通知',
    layout: 'poster',
    bodyHtml: p(
      '各位居民朋友：',
      '为丰富社区居民生活，{{单位名称}}定于{{活动时间}}在{{活动地点}}开展{{活动名称}}。',
      '一、活动内容：{{活动内容}}',
      '二、参加对象：{{参加对象}}',
      '三、报名方式：请于{{报名截止时间}}前到社区服务大厅报名，或拨打电话{{联系电话}}。',
      '欢迎大家踊跃参加！',
    ),
  },
  {
    key: 'reminder',
    name: '温馨提示',
    title: '温馨提示',
    layout: 'poster',
    bodyHtml: p('尊敬的居民朋友：', '{{提示内容}}', '感谢您的理解与支持！'),
  },
  {
    key: 'announcement',
    name: '公告',
    title: '公告',
    layout: 'formal',
    bodyHtml: p('{{公告内容}}', '特此公告。'),
  },
  {
    key: 'outage',
    name: '停水停电通知',
    title: '停{{停供类别}}通知',
    layout: 'slip',
    bodyHtml: p(
      '各位居民：',
      '接{{通知单位}}通知，因{{停供原因}}，定于{{停供时间}}至{{恢复时间}}对{{影响范围}}暂停供{{停供类别}}。',
      '请各位居民提前做好准备；停供期间请关闭水龙头和电器开关，以免恢复供应时造成损失。',
      '给您带来的不便，敬请谅解。咨询电话：{{联系电话}}。',
    ),
  },
]
